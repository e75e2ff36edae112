# SPDX-License-Identifier: GPL-2.0
#
# krb5ap: Kerberos 5 AP-REQ verification in the Linux kernel.
#
#   make                 build krb5ap.ko (against KDIR) and userspace/krb5apctl
#   make modules         only the module;   make krb5apctl: only the helper
#   make install         install both (module into /lib/modules/KVER/updates)
#   make dkms-install    register the source with DKMS (rebuilt on kernel updates)
#   make check           every test tier (style, builds, userspace, KUnit, VMs)
#   make demo            the main job end to end: a throwaway MIT KDC, and
#                        krb5ap verifying its tickets in a QEMU guest
#   make style           checkpatch --strict and kernel-doc on kmod/ and uapi/
#   make regen           regenerate uapi/linux/krb5ap.h and kmod/netlink-gen.[ch]
#                        from Documentation/netlink/specs/krb5ap.yaml
#   make clean
#
# KDIR defaults to the running kernel's build tree when it exists, else the
# newest installed Debian headers under /usr/src.

VERSION := 0.1.0
KVER ?= $(shell uname -r)
KDIR ?= $(firstword $(wildcard /lib/modules/$(KVER)/build) \
	$(lastword $(sort $(wildcard /usr/src/linux-headers-*-amd64 /usr/src/linux-headers-*-arm64))))
PREFIX ?= /usr
DESTDIR ?=

all: modules krb5apctl

modules:
	@test -n "$(KDIR)" || { echo "no kernel headers found: install linux-headers-$(KVER) or set KDIR"; exit 1; }
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

krb5apctl:
	$(MAKE) -C userspace krb5apctl

install: all
	$(MAKE) -C $(KDIR) M=$(CURDIR) INSTALL_MOD_DIR=updates INSTALL_MOD_PATH=$(DESTDIR) modules_install
	$(MAKE) -C userspace install PREFIX=$(PREFIX) DESTDIR=$(DESTDIR)

dkms-install:
	rm -rf /usr/src/krb5ap-$(VERSION)
	mkdir -p /usr/src/krb5ap-$(VERSION)
	cp -a Kbuild dkms.conf kmod $(wildcard uapi) /usr/src/krb5ap-$(VERSION)/
	dkms add -m krb5ap -v $(VERSION)
	dkms build -m krb5ap -v $(VERSION)
	dkms install -m krb5ap -v $(VERSION)

check:
	tests/check

demo:
	tests/demo/run

style:
	tests/check style

regen:
	tests/regen.sh

clean:
	-test -n "$(KDIR)" && $(MAKE) -C $(KDIR) M=$(CURDIR) clean
	$(MAKE) -C userspace clean
	rm -rf tests/userspace/build

.PHONY: all modules krb5apctl install dkms-install check demo style regen clean
