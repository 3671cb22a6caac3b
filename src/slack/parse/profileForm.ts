// The profile form is declared in ../forms (builder, reader and field errors from one declaration);
// its parser, the field errors' type and the tag list's messages keep this address, where the
// listeners and commands import them from.
export type { FieldErrors } from '../forms/declare';
export { parseProfileForm, type ProfileFormResult } from '../forms/profileForm';
export { tagProblemText } from '../forms/tagList';
