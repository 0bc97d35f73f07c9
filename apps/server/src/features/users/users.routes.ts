import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureOptions } from '../../http/feature.ts';
import { execute } from '../../db/transaction.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, idParam, page } from '../../http/validate.ts';
import { createAccount, issuePasswordReset, revokeSessions, updateAccount } from './save-user.ts';
import { abilitiesOnUser, authorizeUser, authorizeUserList } from './users.policy.ts';
import { createUserBody, listQuery, passwordResetSchema, updateUserBody, userSchema } from '@thidua/contracts/users.ts';
import { presentUserRow } from './users.presenter.ts';
import { findUser, listUsers } from './users.queries.ts';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, rt) => {
  const { db } = rt;
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Accounts the caller manages',
        querystring: listQuery,
        response: { 200: page(userSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorizeUserList(actor);
      const { rows, total } = await listUsers(db, actor.scope.kind === 'all' ? null : actor.authorityId, request.query);
      return {
        items: rows.map((u) => presentUserRow(u, abilitiesOnUser(actor, u))),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create an account with a role and data scope',
        body: createUserBody,
        response: { 201: userSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await execute(rt, actor, (ctx) => createAccount(ctx, request.body));
      const user = (await findUser(db, id))!;
      return reply.status(201).send(presentUserRow(user, abilitiesOnUser(actor, user)));
    },
  );
  app.get(
    '/:id',
    { schema: { tags, summary: 'An account', params: idParam, response: { 200: userSchema, ...errorResponses } } },
    async (request) => {
      const actor = requireActor(request);
      const user = await findUser(db, request.params.id);
      authorizeUser(actor, user, request.params.id);
      return presentUserRow(user, abilitiesOnUser(actor, user));
    },
  );
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Rename or disable an account (disabling ends its sessions)',
        params: idParam,
        body: updateUserBody,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => updateAccount(ctx, request.params.id, request.body));
      const user = (await findUser(db, request.params.id))!;
      return presentUserRow(user, abilitiesOnUser(actor, user));
    },
  );
  app.post(
    '/:id/password-reset',
    {
      schema: {
        tags,
        summary: "Reset an account's password: ends its sessions and returns a one-time code for the owner (shown once)",
        params: idParam,
        response: { 201: passwordResetSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { code, expiresAt } = await execute(rt, requireActor(request), (ctx) =>
        issuePasswordReset(ctx, request.params.id, rt.config.passwordResetTtlHours),
      );
      return reply.status(201).send({ code, expiresAt: expiresAt.toISOString() });
    },
  );
  app.post(
    '/:id/revoke-sessions',
    { schema: { tags, summary: 'End every session of an account', params: idParam, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await execute(rt, requireActor(request), (ctx) => revokeSessions(ctx, request.params.id));
      return reply.status(204).send(null);
    },
  );
};
