/**
 * The generated repository's `README.md`; its sections live in `readme/`
 * (see `readme/index.ts` for the order and how to add one).
 */
export {
  README_SECTIONS,
  readme,
  type ReadmeInput,
  type ReadmeSection,
} from './readme/index';
