import { afterEach, describe, expect, it, vi } from 'vitest';
import { Emitter } from '../../src/core/emitter.js';

describe('Emitter', () => {
  afterEach(() => vi.restoreAllMocks());

  it('delivers the payload to every listener of that event only', () => {
    const emitter = new Emitter();
    const delivered: unknown[] = [];
    const errors: unknown[] = [];
    emitter.on('delivered', (payload) => delivered.push(payload));
    emitter.on('delivered', (payload) => delivered.push(payload));
    emitter.on('error', (payload) => errors.push(payload));
    emitter.emit('delivered', { responseIds: ['a'] });
    expect(delivered).toEqual([{ responseIds: ['a'] }, { responseIds: ['a'] }]);
    expect(errors).toEqual([]);
  });

  it('returns from on() a function that stops that listener only', () => {
    const emitter = new Emitter();
    const calls: string[] = [];
    const off = emitter.on('shown', () => calls.push('first'));
    emitter.on('shown', () => calls.push('second'));
    off();
    off();
    emitter.emit('shown', { surveyId: 's', trigger: { manual: true } });
    expect(calls).toEqual(['second']);
  });

  it('keeps calling the other listeners when one throws, and reports the error on the console', () => {
    const console_ = vi.spyOn(console, 'error').mockImplementation(() => {});
    const emitter = new Emitter();
    const calls: string[] = [];
    const bug = new Error('host listener bug');
    emitter.on('completed', () => {
      throw bug;
    });
    emitter.on('completed', () => calls.push('after'));
    const listener = vi.fn();
    addEventListener('earshot:completed', listener);
    try {
      expect(() => emitter.emit('completed', { surveyId: 's', responseId: 'r', answers: {} })).not.toThrow();
    } finally {
      removeEventListener('earshot:completed', listener);
    }
    expect(calls).toEqual(['after']);
    expect(console_).toHaveBeenCalledWith(bug);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('dispatches every event as an earshot:<name> CustomEvent on window with the payload as detail', () => {
    const emitter = new Emitter();
    const seen: Array<[string, unknown]> = [];
    const names = ['shown', 'answered', 'completed', 'dismissed', 'delivered', 'error'] as const;
    const record = (event: Event) => seen.push([event.type, (event as CustomEvent).detail]);
    for (const name of names) addEventListener(`earshot:${name}`, record);
    try {
      emitter.emit('shown', { surveyId: 's', trigger: { event: 'checkout_completed' } });
      emitter.emit('answered', { surveyId: 's', responseId: 'r', questionId: 'score', value: 9 });
      emitter.emit('completed', { surveyId: 's', responseId: 'r', answers: { score: 9 } });
      emitter.emit('dismissed', { surveyId: 's', responseId: null, answers: {} });
      emitter.emit('delivered', { responseIds: ['r'] });
      emitter.emit('error', { code: 'network', message: 'offline' });
    } finally {
      for (const name of names) removeEventListener(`earshot:${name}`, record);
    }
    expect(seen).toEqual([
      ['earshot:shown', { surveyId: 's', trigger: { event: 'checkout_completed' } }],
      ['earshot:answered', { surveyId: 's', responseId: 'r', questionId: 'score', value: 9 }],
      ['earshot:completed', { surveyId: 's', responseId: 'r', answers: { score: 9 } }],
      ['earshot:dismissed', { surveyId: 's', responseId: null, answers: {} }],
      ['earshot:delivered', { responseIds: ['r'] }],
      ['earshot:error', { code: 'network', message: 'offline' }],
    ]);
  });

  it('dispatches the DOM event even with no on() listener, as a CustomEvent', () => {
    const emitter = new Emitter();
    let received: Event | undefined;
    const listener = (event: Event) => (received = event);
    addEventListener('earshot:delivered', listener);
    emitter.emit('delivered', { responseIds: ['x'] });
    removeEventListener('earshot:delivered', listener);
    expect(received).toBeInstanceOf(CustomEvent);
    expect((received as CustomEvent).detail).toEqual({ responseIds: ['x'] });
  });

  it('stops every listener on clear()', () => {
    const emitter = new Emitter();
    const listener = vi.fn();
    emitter.on('error', listener);
    emitter.on('delivered', listener);
    emitter.clear();
    emitter.emit('error', { code: 'internal', message: 'x' });
    emitter.emit('delivered', { responseIds: [] });
    expect(listener).not.toHaveBeenCalled();
  });
});
