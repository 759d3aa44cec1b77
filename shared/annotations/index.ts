// Annotations: the investigator's append-only layer over the evidence.
export * from './types';
export * from './targets';
export { addNote, editNote, deleteAnnotation, setLinkStatus, markRole, overrideClassification, clearClassificationOverride, normalizeTags } from './actions';
export { addManualEvent, type ManualEventInput } from './manualEvent';
export { history, current, allVersions } from './store';
export { foldAnnotations, effectiveClassification, overrideLine, originalLine, targetKey, type AnnotationState, type EffectiveClassification } from './state';
