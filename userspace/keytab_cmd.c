// SPDX-License-Identifier: GPL-2.0
/*
 * krb5apctl keytab load [-k KEYTAB] [-p PRINCIPAL]... [--replace]: load
 * service keys from a keytab into this network namespace, as one
 * transaction.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/genetlink.h>
#include <linux/krb5ap.h>

#include "args.h"
#include "keytab.h"
#include "krb5apctl.h"
#include "names.h"
#include "nl.h"

static void keytab_usage(FILE *f)
{
	fprintf(f,
		"Usage: %s keytab load [-k KEYTAB] [-p PRINCIPAL]... [--replace]\n\n"
		"Load service keys from KEYTAB (any name libkrb5 resolves, e.g.\n"
		"FILE:/etc/cifs.keytab; default: the system's default keytab) into\n"
		"this network namespace.  With -p, only the keys of the principals\n"
		"named (name@REALM, or name for any realm).  The kernel takes all the\n"
		"keys or none of them.  With --replace, the loaded principals' old keys\n"
		"are removed in the same step (a reload after a key rotation); without\n"
		"it, loading a key that is already loaded fails.  Keys of enctypes the\n"
		"module does not support are skipped and reported.\n",
		prog);
}

/*
 * One KRB5AP_CMD_KEY_ADD (or KEY_REPLACE_SET) request holding every entry
 * of @l, in a buffer of its own (*@buf, *@size) that the caller must wipe
 * and free.  Returns NULL when out of memory.
 */
struct nlmsghdr *keytab_message(struct nl *nl, const struct kt_list *l,
				bool replace, void **buf, size_t *size)
{
	struct nlmsghdr *nlh;
	size_t i, need = MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct genlmsghdr));

	for (i = 0; i < l->n; i++)
		need += MNL_ATTR_HDRLEN +
			MNL_ATTR_HDRLEN + MNL_ALIGN(strlen(l->v[i].principal) + 1) +
			MNL_ATTR_HDRLEN + MNL_ALIGN(strlen(l->v[i].realm) + 1) +
			2 * (MNL_ATTR_HDRLEN + 4) +
			MNL_ATTR_HDRLEN + MNL_ALIGN(l->v[i].key_len);
	*buf = calloc(1, need);
	if (!*buf)
		return NULL;
	*size = need;
	nlh = nl_request(nl, *buf, replace ? KRB5AP_CMD_KEY_REPLACE_SET :
			 KRB5AP_CMD_KEY_ADD, NLM_F_ACK);
	for (i = 0; i < l->n; i++) {
		const struct kt_entry *e = &l->v[i];
		struct nlattr *nest;

		nest = mnl_attr_nest_start(nlh, KRB5AP_A_KEYTAB_ENTRY);
		mnl_attr_put_strz(nlh, KRB5AP_A_KEY_PRINCIPAL, e->principal);
		mnl_attr_put_strz(nlh, KRB5AP_A_KEY_REALM, e->realm);
		mnl_attr_put_u32(nlh, KRB5AP_A_KEY_KVNO, e->kvno);
		mnl_attr_put_u32(nlh, KRB5AP_A_KEY_ENCTYPE, e->enctype);
		mnl_attr_put(nlh, KRB5AP_A_KEY_DATA, e->key_len, e->key);
		mnl_attr_nest_end(nlh, nest);
	}
	return nlh;
}

static void keytab_load_error(struct nl *nl, int err, bool replace)
{
	if (err == -EEXIST && !replace) {
		fprintf(stderr, "%s keytab load: a key is already loaded%s%s%s; nothing was loaded (--replace reloads the principals' keys)\n",
			prog, nl->extack[0] ? " (" : "", nl->extack,
			nl->extack[0] ? ")" : "");
		return;
	}
	if (err == -EMSGSIZE || err == -ENOBUFS) {
		nl_perror(nl, "krb5apctl keytab load",
			  "the keytab does not fit one netlink message (load it in parts with -p)",
			  -err);
		return;
	}
	nl_perror(nl, "krb5apctl keytab load", "loading keys", -err);
}

int cmd_keytab(int argc, char *argv[])
{
	const char **filters = NULL, *keytab = NULL;
	struct krb5ap_config_info c;
	struct kt_list l = { 0 };
	size_t nfilters = 0, size = 0;
	bool replace = false;
	struct nlmsghdr *nlh;
	void *buf = NULL;
	struct nl nl;
	int i, ret, rc = EXIT_USAGE;

	if (argc >= 2 && is_help(argv[1])) {
		keytab_usage(stdout);
		return EXIT_OK;
	}
	if (argc < 2 || strcmp(argv[1], "load")) {
		keytab_usage(stderr);
		return EXIT_USAGE;
	}
	filters = calloc((size_t)argc, sizeof(*filters));
	if (!filters)
		return EXIT_USAGE;
	for (i = 2; i < argc; i++) {
		if (is_help(argv[i])) {
			keytab_usage(stdout);
			free(filters);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "-k") && i + 1 < argc && !keytab) {
			keytab = argv[++i];
		} else if (!strcmp(argv[i], "-p") && i + 1 < argc) {
			filters[nfilters++] = argv[++i];
		} else if (!strcmp(argv[i], "--replace")) {
			replace = true;
		} else {
			fprintf(stderr, "%s keytab load: unexpected argument '%s'\n",
				prog, argv[i]);
			keytab_usage(stderr);
			free(filters);
			return EXIT_USAGE;
		}
	}
	if (nl_open(&nl, "krb5apctl keytab load")) {
		free(filters);
		return EXIT_USAGE;
	}
	ret = config_fetch(&nl, &c);
	if (ret) {
		nl_perror(&nl, "krb5apctl keytab load",
			  "reading the supported enctypes", -ret);
		goto out;
	}
	if (keytab_read(keytab, filters, nfilters, c.supported_enctypes, &l,
			"krb5apctl keytab load"))
		goto out;
	if (!l.n) {
		fprintf(stderr, "%s keytab load: no key to load%s\n", prog,
			l.skipped ? " (every key was skipped)" : "");
		goto out;
	}
	nlh = keytab_message(&nl, &l, replace, &buf, &size);
	if (!nlh) {
		fprintf(stderr, "%s keytab load: out of memory\n", prog);
		goto out;
	}
	if (nlh->nlmsg_len > 65536) {
		/* Large keytabs: the message must fit the send buffer. */
		int sb = (int)nlh->nlmsg_len * 2;

		if (setsockopt(mnl_socket_get_fd(nl.sock), SOL_SOCKET,
			       SO_SNDBUFFORCE, &sb, sizeof(sb)))
			setsockopt(mnl_socket_get_fd(nl.sock), SOL_SOCKET,
				   SO_SNDBUF, &sb, sizeof(sb));
	}
	ret = nl_talk(&nl, nlh, NULL, NULL);
	explicit_bzero(buf, size);
	if (ret) {
		keytab_load_error(&nl, ret, replace);
		goto out;
	}
	printf("%s %zu key%s of %zu principal%s%s\n",
	       replace ? "replaced with" : "loaded", l.n, l.n == 1 ? "" : "s",
	       kt_list_principals(&l), kt_list_principals(&l) == 1 ? "" : "s",
	       l.skipped ? " (some keys skipped, see above)" : "");
	rc = EXIT_OK;
out:
	free(buf);
	kt_list_wipe(&l);
	nl_close(&nl);
	free(filters);
	return rc;
}
