/** The version of qda (app/version.ts). */
export { VERSION } from '../app/version.js';
