/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KRB5AP_VERSION_H
#define _KRB5AP_VERSION_H

#define KRB5AP_VERSION "0.1.0"

#endif /* _KRB5AP_VERSION_H */
