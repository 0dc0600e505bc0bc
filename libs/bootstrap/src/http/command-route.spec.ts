import type { Server } from 'node:http';

import type { INestApplication } from '@nestjs/common';
import { Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

import request from 'supertest';

import type { CommandResult, StoredEvent } from '@taizhang/event-store';

import { commandOnLoaded } from './command-on-loaded';
import type { CommandRequestContext } from './command-request.decorator';
import { CommandRequest, SignedInCommand } from './command-request.decorator';
import { CommandPost, CommandRoute } from './command-route.decorator';
import { versioned, VersionedRead } from './versioned-read';

const EVENT_ID = '0b8c7f4e-2f4d-4f43-9d5e-6f0c1a2b3c4d';

const result = (replayed: boolean): CommandResult & { events: StoredEvent[] } => ({
  id: null,
  streamId: 'union-1',
  streamVersion: 7,
  eventIds: [EVENT_ID],
  replayed,
  // handleCommand also returns the events: never part of the answer.
  events: [],
});

@Controller('things')
class ThingsController {
  @Post()
  @CommandRoute(201)
  create(@CommandRequest() command: CommandRequestContext): CommandResult {
    return result(command.commandId === 'seen-before');
  }

  @CommandPost(200, ['union_cadre'], 'change')
  change(@CommandRequest() command: CommandRequestContext): Promise<CommandResult> {
    return Promise.resolve({ ...result(false), streamVersion: command.expectedVersion ?? 0 });
  }

  @CommandPost(200, ['union_cadre'], 'signed')
  signed(@SignedInCommand() { user, request }: SignedInCommand): CommandResult {
    return { ...result(false), streamId: `${user.id} ${request.metadata().actorRole}` };
  }

  @Get('one')
  @VersionedRead()
  read() {
    return versioned(4, { name: '工会', version: 4 });
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('command routes', () => {
  let app: INestApplication;
  const server = (): Server => app.getHttpServer() as Server;

  beforeAll(async () => {
    app = await NestFactory.create(ThingsModule, { logger: false });
    // Stands in for @taizhang/auth's guard: a caller named in the test header is signed in.
    app.use(
      (
        req: { headers: Record<string, unknown>; user?: unknown },
        _res: unknown,
        next: () => void,
      ) => {
        if (req.headers['x-test-user'])
          req.user = { id: req.headers['x-test-user'], role: 'union_cadre' };
        next();
      },
    );
    await app.init();
  });

  afterAll(() => app.close());

  it('answer 201 with { id, streamId, streamVersion, eventIds } and the version as ETag', async () => {
    const response = await request(server()).post('/things').expect(201);

    expect(response.body).toEqual({
      id: 'union-1',
      streamId: 'union-1',
      streamVersion: 7,
      eventIds: [EVENT_ID],
    });
    expect(response.headers['etag']).toBe('"7"');
    expect(response.headers['idempotent-replayed']).toBeUndefined();
  });

  it('mark the first answer given again to a repeated Idempotency-Key', async () => {
    const response = await request(server())
      .post('/things')
      .set('Idempotency-Key', 'seen-before')
      .expect(201);

    expect(response.headers['idempotent-replayed']).toBe('true');
  });

  it('answer 200 for a change, read If-Match, and refuse a malformed one with 400', async () => {
    const response = await request(server())
      .post('/things/change')
      .set('If-Match', 'W/"3"')
      .expect(200);

    expect(response.headers['etag']).toBe('"3"');
    await request(server()).post('/things/change').set('If-Match', 'x').expect(400);
  });

  it('answer a versioned read with its body and its version as ETag', async () => {
    const response = await request(server()).get('/things/one').expect(200);

    expect(response.body).toEqual({ name: '工会', version: 4 });
    expect(response.headers['etag']).toBe('"4"');
  });

  it('give a signed-in command its caller and context, and answer 401 without a caller', async () => {
    const response = await request(server())
      .post('/things/signed')
      .set('x-test-user', 'u-1')
      .expect(200);

    expect(response.body).toMatchObject({ streamId: 'u-1 union_cadre' });
    await request(server()).post('/things/signed').expect(401);
  });

  it('document the answer of each command route in OpenAPI', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());

    expect(Object.keys(document.paths['/things']!.post!.responses)).toEqual(['201']);
    expect(Object.keys(document.paths['/things/change']!.post!.responses)).toEqual(['200']);
    expect(JSON.stringify(document.paths['/things']!.post!.responses['201'])).toContain(
      'CommandResponseDto',
    );
    expect(
      document.paths['/things']!.post!.parameters?.map((p) => ('name' in p ? p.name : '')),
    ).toEqual(expect.arrayContaining(['Idempotency-Key', 'If-Match']));
    expect(
      document.paths['/things/signed']!.post!.parameters?.map((p) => ('name' in p ? p.name : '')),
    ).toEqual(expect.arrayContaining(['Idempotency-Key', 'If-Match']));
    expect(document.paths['/things/change']!.post).toMatchObject({
      'x-taizhang-roles': ['union_cadre'],
    });
    expect(document.paths['/things/change']!.post!.security).toBeDefined();
  });
});

describe('commandOnLoaded', () => {
  const loaded = { version: 5 };
  const run = jest.fn((_: typeof loaded, expectedVersion: number) =>
    Promise.resolve({ ...result(false), streamVersion: expectedVersion }),
  );

  it('pins the command to the version loaded when the caller sent no If-Match', async () => {
    await commandOnLoaded({ expectedVersion: undefined }, () => Promise.resolve(loaded), run);

    expect(run).toHaveBeenLastCalledWith(loaded, 5);
  });

  it("runs at the caller's If-Match when given (a stale one is then the store's 409)", async () => {
    await commandOnLoaded({ expectedVersion: 3 }, () => Promise.resolve(loaded), run);

    expect(run).toHaveBeenLastCalledWith(loaded, 3);
  });

  it('runs nothing when the load refuses (404 outside the scope)', async () => {
    run.mockClear();
    const refused = new Error('not found');

    await expect(
      commandOnLoaded({ expectedVersion: undefined }, () => Promise.reject(refused), run),
    ).rejects.toBe(refused);
    expect(run).not.toHaveBeenCalled();
  });
});
