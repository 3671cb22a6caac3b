import type { types } from '@slack/bolt';

// Bolt re-exports @slack/types as a namespace; these aliases keep imports short.
export type KnownBlock = types.KnownBlock;
export type ModalView = types.ModalView;
export type HomeView = types.HomeView;
export type PlainTextElement = types.PlainTextElement;
export type MrkdwnElement = types.MrkdwnElement;
export type Button = types.Button;
export type PlainTextOption = types.PlainTextOption;
export type InputBlock = types.InputBlock;
