export { runConsoleChat } from './chat';
export { createConsoleGateway } from './gateway';
export { printServerInstructions, renderServerInstructions } from './instructions';
export { renderConsoleMessage } from './render';
export { type ConsoleSession, createConsoleSession } from './session';
export { createSessionGateway } from './session-gateway';
