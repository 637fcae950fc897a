// The key lives in the model, which compares people by it too (participantKey).
export { textKey } from '../model/plain';
