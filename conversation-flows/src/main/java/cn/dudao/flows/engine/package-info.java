/**
 * The pure conversation engine: {@code (flow, state, input) → (new state, events)}. No I/O, no clock,
 * no randomness; the bot turns the events into stored answers, findings and outgoing messages.
 */
package cn.dudao.flows.engine;
