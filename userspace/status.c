// SPDX-License-Identifier: GPL-2.0
/*
 * krb5apctl status [--json]: is the module loaded, which version, and the
 * module-parameter defaults new network namespaces start with.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "args.h"
#include "krb5apctl.h"
#include "output.h"

#define SYSFS_MODULE_DIR "/sys/module/krb5ap"

/* Read one line of @dir/@name into @buf without its newline. */
static int read_line(const char *dir, const char *name, char *buf, size_t size)
{
	char path[512];
	size_t len;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "re");
	if (!f)
		return -errno;
	if (!fgets(buf, size, f)) {
		fclose(f);
		return -EIO;
	}
	fclose(f);
	len = strcspn(buf, "\n");
	buf[len] = '\0';
	return 0;
}

static int read_uint(const char *dir, const char *name, unsigned int *out)
{
	char buf[32];
	int ret;

	ret = read_line(dir, name, buf, sizeof(buf));
	if (ret)
		return ret;
	return parse_u32(buf, out);
}

int status_read(const char *dir, struct krb5ap_status *st)
{
	struct stat sb;
	int ret;

	memset(st, 0, sizeof(*st));
	if (stat(dir, &sb) || !S_ISDIR(sb.st_mode))
		return 0;
	st->loaded = true;
	if (read_line(dir, "version", st->version, sizeof(st->version)))
		strcpy(st->version, "unknown");
	ret = read_uint(dir, "parameters/clock_skew", &st->clock_skew);
	if (!ret)
		ret = read_uint(dir, "parameters/replay_cache_size",
				&st->replay_cache_size);
	if (!ret)
		ret = read_uint(dir, "parameters/max_token_size",
				&st->max_token_size);
	if (!ret)
		ret = read_line(dir, "parameters/enctypes", st->enctypes,
				sizeof(st->enctypes));
	return ret;
}

void status_print(const struct krb5ap_status *st, bool json)
{
	struct json j;

	if (json) {
		json_begin(&j, stdout);
		json_bool(&j, "loaded", st->loaded);
		if (st->loaded) {
			json_str(&j, "version", st->version);
			json_obj(&j, "defaults");
			json_uint(&j, "clock_skew", st->clock_skew);
			json_uint(&j, "replay_cache_size", st->replay_cache_size);
			json_uint(&j, "max_token_size", st->max_token_size);
			json_str(&j, "enctypes", st->enctypes);
			json_close(&j);
		}
		json_end(&j);
		return;
	}
	if (!st->loaded) {
		printf("krb5ap module is not loaded (modprobe krb5ap)\n");
		return;
	}
	printf("krb5ap %s loaded\n", st->version);
	printf("defaults for new network namespaces:\n");
	printf("  clock skew:        %u s\n", st->clock_skew);
	printf("  replay cache size: %u entries\n", st->replay_cache_size);
	printf("  max token size:    %u bytes\n", st->max_token_size);
	printf("  enctypes:          %s\n", st->enctypes);
}

int cmd_status(int argc, char *argv[])
{
	struct krb5ap_status st;
	bool json = false;
	int i, ret;

	for (i = 1; i < argc; i++) {
		if (is_help(argv[i])) {
			printf("Usage: %s status [--json]\n\n"
			       "Show whether the krb5ap module is loaded, its version, and the\n"
			       "defaults (module parameters) that new network namespaces start with.\n"
			       "Exit status: 0 when loaded, 1 when not loaded, 2 on error.\n",
			       prog);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--json")) {
			json = true;
		} else {
			fprintf(stderr, "%s status: unknown argument '%s'\n",
				prog, argv[i]);
			return EXIT_USAGE;
		}
	}
	ret = status_read(SYSFS_MODULE_DIR, &st);
	if (ret) {
		fprintf(stderr, "%s status: cannot read %s: %s\n", prog,
			SYSFS_MODULE_DIR, strerror(-ret));
		return EXIT_USAGE;
	}
	status_print(&st, json);
	return st.loaded ? EXIT_OK : EXIT_REJECTED;
}
