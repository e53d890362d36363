export * from './lib/engine/search-engine';
export { GLOSSARY, foldTerm, glossaryExpansions, type Glossary } from './glossary/glossary';
