export { crdSchemas } from './crdSchemas';
export {
  validateCrdObject,
  type CrdValidationResult,
} from './validateCrdObject';
