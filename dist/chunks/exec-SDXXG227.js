import {createRequire as __mfCreateRequire} from 'node:module'; const require = __mfCreateRequire(import.meta.url);
import {
  exec,
  getExecOutput
} from "./chunk-JJQJKXD7.js";
import "./chunk-KVPB3KAW.js";
export {
  exec,
  getExecOutput
};
