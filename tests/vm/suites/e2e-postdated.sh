#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# VM suite: e2e.sh on a postdated ticket the guest sees before its start
# time, compared with MIT's krb5_rd_req (see e2e-postdated.host.wip for why
# it is set aside).  e2e-postdated.host put e2e.sh in the share.
# shellcheck disable=SC2034 # read by e2e.sh
E2E_MODE=postdated
. /share/e2e.sh
