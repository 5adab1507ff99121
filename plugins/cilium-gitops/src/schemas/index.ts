export { crdSchemas } from './crdSchemas';
export {
  validateCrdObject,
  type CrdValidationResult,
} from './validateCrdObject';
export {
  applyCrdDefaults,
  crdDefaultSchemas,
  hasCrdDefaults,
  type DefaultingSchema,
} from './crdDefaults';
