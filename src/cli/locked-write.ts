// Writing a codings file that other qda processes may be writing at the same moment (see app/locked-write.ts).
export { lockedWrite } from '../app/locked-write.js';
