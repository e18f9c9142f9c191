// The console's browser suite: every scenario file in one node process, one after another (each
// suite starts its own outpostd and chromium). Run by CTest as `node --test suite.js`.
import './shell.scenario.js';
import './dispatch.scenario.js';
import './syncissues.scenario.js';
import './devices.scenario.js';
import './datapages.scenario.js';
import './casetypes.scenario.js';
import './users.scenario.js';
