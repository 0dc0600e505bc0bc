import fs from 'node:fs';
import path from 'node:path';

import type { NestMiddleware } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';

import type { NextFunction, Request, Response } from 'express';

import { GatewayConfig } from '../config/gateway.config';

// The dashboard's own views (services/dashboard, src/app.tsx): the page answers each of them,
// so that a shared link or a reload opens the view; every other path stays the API's.
const CLIENT_ROUTE = /^\/(?:sign-in|units(?:\/[^/]+)*\/?)?$/;
// Built files: the fingerprinted bundles (cached for good) and the icon.
const BUILT_FILE = /^\/(?:assets\/[\w.-]+|favicon\.svg)$/;

// The page loads only its own files and talks only to this origin; the charts set inline styles.
const PAGE_HEADERS = {
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * The dashboard's folder: the one given, else the build beside the gateway's own (dist/services/
 * dashboard, whether the gateway runs from dist/ or from its sources); none if not built.
 */
export const dashboardDir = (given: string | undefined): string | undefined => {
  const candidates = given
    ? [path.resolve(given)]
    : [
        path.resolve(__dirname, '../../../dashboard'),
        path.resolve(__dirname, '../../../../dist/services/dashboard'),
      ];

  // The sources' folder has an index.html too, which only Vite can serve.
  return candidates.find(
    (dir) => fs.existsSync(path.join(dir, 'index.html')) && !fs.existsSync(path.join(dir, 'src')),
  );
};

/**
 * Serves the built dashboard from the gateway's origin: its files, and its page for each of its
 * views (GET and HEAD only). Anything else goes on to the gateway's routes and `/api/…`.
 */
@Injectable()
export class DashboardMiddleware implements NestMiddleware<Request, Response> {
  private readonly root: string | undefined;

  constructor(config: GatewayConfig) {
    this.root = dashboardDir(config.dashboardDir);
    const logger = new Logger(DashboardMiddleware.name);
    if (this.root) logger.log(`Serving the dashboard at / from ${this.root}`);
    else
      logger.warn(
        'The dashboard is not built (node scripts/build.mjs builds it): / answers 404 meanwhile',
      );
  }

  use(request: Request, response: Response, next: NextFunction): void {
    if (!this.root || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    const file = BUILT_FILE.test(request.path)
      ? request.path.slice(1)
      : CLIENT_ROUTE.test(request.path)
        ? 'index.html'
        : undefined;
    if (!file) return next();
    const fingerprinted = file.startsWith('assets/');
    response.sendFile(
      file,
      {
        root: this.root,
        dotfiles: 'deny',
        maxAge: fingerprinted ? '365d' : 0,
        immutable: fingerprinted,
        cacheControl: fingerprinted,
        headers: file === 'index.html' ? PAGE_HEADERS : { 'x-content-type-options': 'nosniff' },
      },
      // A file that is not there is the gateway's 404, as for any unknown path.
      (error?: Error) => {
        if (error && !response.headersSent) next();
      },
    );
  }
}
