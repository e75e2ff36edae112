#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# VM suite: e2e.sh with the guest clock an hour ahead (e2e-late.offset):
# expired and postdated tickets from a real MIT KDC, compared with MIT's
# krb5_rd_req at the guest's time.  e2e-late.host put e2e.sh in the share.
# shellcheck disable=SC2034 # read by e2e.sh
E2E_MODE=late
. /share/e2e.sh
