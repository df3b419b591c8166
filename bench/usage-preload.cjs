// Loaded into the n8n process by `node --require` (through NODE_OPTIONS) for figure 2: when the
// process exits it writes its own CPU time, peak RSS and lifetime to $BENCH_USAGE_DIR/<pid>.json.
// Child processes that inherit NODE_OPTIONS write their own file, so none is missed.
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_USAGE_DIR;
if (dir) {
	process.on('exit', () => {
		const usage = process.resourceUsage();
		const record = {
			pid: process.pid,
			ppid: process.ppid,
			script: process.argv[1] ?? '',
			cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
			maxRssMb: usage.maxRSS / 1024,
			uptimeMs: process.uptime() * 1000,
		};
		try {
			writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify(record));
		} catch {
			// the folder is gone: nothing to report to
		}
	});
}
