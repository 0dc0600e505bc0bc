import type { KeyObject } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

import type { Message } from 'kafkajs';

import { EventHeaders } from '../kafka/event-message';
import { EVENT_SIGNING_CONTEXT } from './event-signature';

// Plain JavaScript, so that the worker needs no TypeScript loader. It signs exactly what
// signEventMessage signs: the context, then the message's value.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { sign } = require('node:crypto');
const context = Buffer.from(workerData.context);
parentPort.on('message', ({ id, values }) => {
  try {
    const signatures = values.map((value) =>
      sign(null, Buffer.concat([context, Buffer.from(value)]), workerData.key).toString('base64'));
    parentPort.postMessage({ id, signatures });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

interface Pending {
  resolve: (signatures: string[]) => void;
  reject: (error: Error) => void;
}

const bytesOf = (value: Message['value']): Uint8Array =>
  value === null || value === undefined ? new Uint8Array(0) : Buffer.from(value);

/**
 * Signs batches of event messages on threads of its own, each thread a share of the batch. An
 * Ed25519 signature costs about 40 µs, as much as everything else the outbox relay does for an
 * event; on these threads a batch is signed while the relay sends the one before (ADR 0007). The
 * signatures are those of `signEventMessage`. A thread that fails is replaced at the next batch.
 */
export class EventSigner {
  private readonly workers: (Worker | null)[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  /** `threads`: how many threads share each batch; one per core, up to four. */
  constructor(
    private readonly privateKey: KeyObject,
    threads = Math.min(4, availableParallelism()),
  ) {
    this.workers = Array.from({ length: Math.max(1, threads) }, () => null);
  }

  /** The messages with their `event-signature` header, in the same order. */
  async sign(messages: readonly Message[]): Promise<Message[]> {
    if (messages.length === 0) return [];
    const share = Math.ceil(messages.length / this.workers.length);
    const parts = await Promise.all(
      this.workers.map((_, index) =>
        this.signOn(index, messages.slice(index * share, (index + 1) * share)),
      ),
    );
    const signatures = parts.flat();

    return messages.map((message, index) => ({
      ...message,
      headers: { ...message.headers, [EventHeaders.signature]: signatures[index]! },
    }));
  }

  /** Ends the threads; batches still waiting are refused. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0, this.workers.length, ...this.workers.map(() => null));
    this.failAll(new Error('The event signer was closed'));
    await Promise.all(workers.flatMap((worker) => (worker ? [worker.terminate()] : [])));
  }

  private signOn(index: number, messages: readonly Message[]): Promise<string[]> {
    if (messages.length === 0) return Promise.resolve([]);
    const id = this.nextId++;

    return new Promise<string[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.started(index).postMessage({
        id,
        values: messages.map((message) => bytesOf(message.value)),
      });
    });
  }

  private started(index: number): Worker {
    const running = this.workers[index];
    if (running) return running;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { key: this.privateKey, context: EVENT_SIGNING_CONTEXT },
    });
    // The relay's own connections keep the process alive; the signer alone never does.
    worker.unref();
    worker.on('message', (answer: { id: number; signatures?: string[]; error?: string }) => {
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (answer.signatures) waiting?.resolve(answer.signatures);
      else waiting?.reject(new Error(`The event signer failed: ${answer.error}`));
    });
    const lost = (error: Error) => {
      if (this.workers[index] !== worker) return;
      this.workers[index] = null;
      this.failAll(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`The event signer's thread ended (${code})`)));
    this.workers[index] = worker;

    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
