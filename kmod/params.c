// SPDX-License-Identifier: GPL-2.0
/*
 * Module parameters.  They are the defaults a network namespace starts
 * with; each namespace then keeps its own copy (set over netlink).  Every
 * value is validated when written, so a bad value is refused at modprobe
 * time or by the write to /sys/module/krb5ap/parameters/, never silently
 * clamped.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/sysfs.h>
#include <kunit/visibility.h>

#include "enctype.h"
#include "params.h"

struct krb5ap_uint_param {
	unsigned int value;
	unsigned int min;
	unsigned int max;
};

static struct krb5ap_uint_param clock_skew = {
	.value = KRB5AP_CLOCK_SKEW_DEFAULT,
	.min = 0,
	.max = KRB5AP_CLOCK_SKEW_MAX,
};

static struct krb5ap_uint_param replay_max = {
	.value = KRB5AP_REPLAY_MAX_DEFAULT,
	.min = KRB5AP_REPLAY_MAX_MIN,
	.max = KRB5AP_REPLAY_MAX_MAX,
};

static struct krb5ap_uint_param max_token = {
	.value = KRB5AP_TOKEN_MAX_DEFAULT,
	.min = KRB5AP_TOKEN_MAX_MIN,
	.max = KRB5AP_TOKEN_MAX_MAX,
};

/* Mask of enctype numbers; 0 means every supported enctype. */
static u32 enctypes;

/**
 * krb5ap_parse_uint_param() - parse an unsigned parameter within bounds
 * @val: the string written (a trailing newline is allowed)
 * @min: smallest value accepted
 * @max: largest value accepted
 * @out: where the value goes; untouched on error
 *
 * Return: 0, -EINVAL when @val is not a decimal number, or -ERANGE when it
 * lies outside [@min, @max].
 */
VISIBLE_IF_KUNIT int krb5ap_parse_uint_param(const char *val, unsigned int min,
					     unsigned int max, unsigned int *out)
{
	unsigned int v;
	int ret;

	if (!val)
		return -EINVAL;
	ret = kstrtouint(val, 10, &v);
	if (ret)
		return ret == -ERANGE ? -ERANGE : -EINVAL;
	if (v < min || v > max)
		return -ERANGE;
	*out = v;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_parse_uint_param);

static int krb5ap_uint_set(const char *val, const struct kernel_param *kp)
{
	struct krb5ap_uint_param *p = kp->arg;
	unsigned int v;
	int ret;

	ret = krb5ap_parse_uint_param(val, p->min, p->max, &v);
	if (ret) {
		pr_warn("%s: value must be a number from %u to %u\n",
			kp->name, p->min, p->max);
		return ret;
	}
	WRITE_ONCE(p->value, v);
	return 0;
}

static int krb5ap_uint_get(char *buf, const struct kernel_param *kp)
{
	const struct krb5ap_uint_param *p = kp->arg;

	return sysfs_emit(buf, "%u\n", READ_ONCE(p->value));
}

static const struct kernel_param_ops krb5ap_uint_ops = {
	.set = krb5ap_uint_set,
	.get = krb5ap_uint_get,
};

/*
 * One enctype given by number ("18") or by MIT name
 * ("aes256-cts-hmac-sha1-96", any case).
 */
static const struct krb5ap_enctype *krb5ap_parse_enctype(const char *tok,
							 size_t len)
{
	char num[12];
	u32 etype;

	if (len && isdigit(tok[0])) {
		if (len >= sizeof(num))
			return NULL;
		memcpy(num, tok, len);
		num[len] = '\0';
		if (kstrtou32(num, 10, &etype))
			return NULL;
		return krb5ap_find_enctype(etype);
	}
	return krb5ap_find_enctype_by_name(tok, len);
}

/**
 * krb5ap_parse_enctype_list() - parse a list of enctypes
 * @val: names or numbers separated by commas or white space
 * @mask: where the mask of enctypes goes; untouched on error
 *
 * Every entry must name an enctype krb5ap supports, and the list must not
 * be empty: an unknown or refused enctype is an error, not something to
 * skip.
 *
 * Return: 0, or -EINVAL.
 */
VISIBLE_IF_KUNIT int krb5ap_parse_enctype_list(const char *val, u32 *mask)
{
	const struct krb5ap_enctype *e;
	const char *p = val, *end;
	u32 m = 0;
	size_t len;

	if (!val || strnlen(val, KRB5AP_ENCTYPES_STR_MAX + 1) >
		    KRB5AP_ENCTYPES_STR_MAX)
		return -EINVAL;
	for (;;) {
		while (*p == ',' || isspace(*p))
			p++;
		if (!*p)
			break;
		end = p;
		while (*end && *end != ',' && !isspace(*end))
			end++;
		len = end - p;
		e = krb5ap_parse_enctype(p, len);
		if (!e) {
			pr_warn("enctypes: '%.*s' is not a supported enctype\n",
				(int)min_t(size_t, len, 40), p);
			return -EINVAL;
		}
		m |= BIT(e->etype);
		p = end;
	}
	if (!m)
		return -EINVAL;
	*mask = m;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_parse_enctype_list);

/**
 * krb5ap_format_enctype_list() - write a mask of enctypes as MIT names
 * @mask: enctypes, bit n for enctype n
 * @buf: output buffer
 * @size: size of @buf
 *
 * Names are written in enctype number order, separated by commas.
 *
 * Return: the length written (without the NUL), or -ENOSPC.
 */
VISIBLE_IF_KUNIT int krb5ap_format_enctype_list(u32 mask, char *buf,
						size_t size)
{
	const struct krb5ap_enctype *e;
	size_t off = 0;
	unsigned int n;
	int len;

	if (!size)
		return -ENOSPC;
	buf[0] = '\0';
	for (n = 0; n <= KRB5AP_ENCTYPE_MAX; n++) {
		if (!(mask & BIT(n)))
			continue;
		e = krb5ap_find_enctype(n);
		if (!e)
			continue;
		len = snprintf(buf + off, size - off, "%s%s", off ? "," : "",
			       e->name);
		if (len < 0 || (size_t)len >= size - off)
			return -ENOSPC;
		off += len;
	}
	return off;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_format_enctype_list);

static int krb5ap_enctypes_set(const char *val, const struct kernel_param *kp)
{
	u32 m;
	int ret;

	ret = krb5ap_parse_enctype_list(val, &m);
	if (ret) {
		pr_warn("enctypes: expected a list of supported enctype names or numbers\n");
		return ret;
	}
	WRITE_ONCE(enctypes, m);
	return 0;
}

static int krb5ap_enctypes_get(char *buf, const struct kernel_param *kp)
{
	char list[KRB5AP_ENCTYPES_STR_MAX];
	int len;

	len = krb5ap_format_enctype_list(krb5ap_param_enctypes(), list,
					 sizeof(list));
	if (len < 0)
		return len;
	return sysfs_emit(buf, "%s\n", list);
}

static const struct kernel_param_ops krb5ap_enctypes_ops = {
	.set = krb5ap_enctypes_set,
	.get = krb5ap_enctypes_get,
};

module_param_cb(clock_skew, &krb5ap_uint_ops, &clock_skew, 0644);
MODULE_PARM_DESC(clock_skew,
		 "Default allowed clock skew in seconds (0-86400, default 300)");
module_param_cb(replay_cache_size, &krb5ap_uint_ops, &replay_max, 0644);
MODULE_PARM_DESC(replay_cache_size,
		 "Default replay cache capacity in entries per network namespace (1024-16777216, default 1048576)");
module_param_cb(max_token_size, &krb5ap_uint_ops, &max_token, 0644);
MODULE_PARM_DESC(max_token_size,
		 "Default largest token accepted in bytes (1024-1048576, default 65536)");
module_param_cb(enctypes, &krb5ap_enctypes_ops, NULL, 0644);
MODULE_PARM_DESC(enctypes,
		 "Default allowed enctypes, names or numbers separated by commas (default: all supported)");

/**
 * krb5ap_param_clock_skew() - default clock skew
 *
 * Return: seconds.
 */
unsigned int krb5ap_param_clock_skew(void)
{
	return READ_ONCE(clock_skew.value);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_param_clock_skew);

/**
 * krb5ap_param_replay_max() - default replay cache capacity
 *
 * Return: entries.
 */
unsigned int krb5ap_param_replay_max(void)
{
	return READ_ONCE(replay_max.value);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_param_replay_max);

/**
 * krb5ap_param_max_token() - default largest token
 *
 * Return: bytes.
 */
unsigned int krb5ap_param_max_token(void)
{
	return READ_ONCE(max_token.value);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_param_max_token);

/**
 * krb5ap_param_enctypes() - default allowed enctypes
 *
 * Return: mask with bit n set for each allowed enctype n.
 */
u32 krb5ap_param_enctypes(void)
{
	u32 m = READ_ONCE(enctypes);

	return m ? m : krb5ap_supported_enctypes();
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_param_enctypes);
