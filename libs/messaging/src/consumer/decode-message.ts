import type { EventEnvelope, EventRegistry } from '@taizhang/contracts';
import { EventContractError } from '@taizhang/contracts';

import type { DeadLetter } from './dead-letter';
import { messageOf } from './error-message';
import type { EventConsumerOptions } from './event-consumer.options';

export type DecodedMessage = { ok: true; event: EventEnvelope } | { ok: false; letter: DeadLetter };

/**
 * Turns a message value into a valid event at its latest schema version, or says in plain words
 * why it never can be: such a message is dead-lettered at once, as retrying cannot help it.
 */
export const decodeMessage = (registry: EventRegistry, value: Buffer | null): DecodedMessage => {
  if (value === null)
    return { ok: false, letter: { code: 'INVALID_JSON', reason: 'The message has no value.' } };
  let raw: unknown;
  try {
    raw = JSON.parse(value.toString('utf8'));
  } catch (error) {
    return {
      ok: false,
      letter: { code: 'INVALID_JSON', reason: `The message is not JSON: ${messageOf(error)}` },
    };
  }
  try {
    return { ok: true, event: registry.parseEnvelope(raw) };
  } catch (error) {
    // An upcaster that throws something else is just as unable to ever read this message.
    const code = error instanceof EventContractError ? error.code : 'INVALID_EVENT_DATA';

    return { ok: false, letter: { code, reason: messageOf(error) } };
  }
};

/** The registry of each topic: the consumer does not start with a topic it could not decode. */
export const registryOfTopics = (
  options: Pick<EventConsumerOptions, 'topics' | 'registry' | 'registries'>,
): ((topic: string) => EventRegistry) => {
  const { topics, registry, registries = {} } = options;
  const missing = topics.filter((topic) => !registries[topic] && !registry);
  if (missing.length > 0)
    throw new Error(`No event registry to decode the topic(s) ${missing.join(', ')} with`);

  return (topic) => {
    const found = registries[topic] ?? registry;
    if (!found) throw new Error(`No event registry to decode the topic ${topic} with`);

    return found;
  };
};
