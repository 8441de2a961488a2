#!/usr/bin/env node
import { loadCliConfig } from '@dramaguard/config';
import { Command, InvalidArgumentError } from 'commander';
import { readFile, stat } from 'node:fs/promises';
import { ApiClient } from './api-client';
import { checkCertificate } from './certificate-check';
import { checkClip } from './check-clip';
import { DEFAULT_EPISODE_PATTERN } from './episode-files';
import { fileSha256 } from './file-digest';
import { registerFolder } from './register-folder';

/**
 * dramaguard: the command-line client of the api (DRAMAGUARD_API_URL, and the
 * key in DRAMAGUARD_API_KEY). Exit codes: 0 done, 1 something failed or was
 * refused, 2 a usage or configuration error.
 */
function client(): ApiClient {
  const config = loadCliConfig();
  if (!config.apiKey) throw new Error('set DRAMAGUARD_API_KEY to your API key (dg_…)');
  return new ApiClient(config.apiUrl, config.apiKey);
}

function milliseconds(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 50) throw new InvalidArgumentError('a whole number of milliseconds, 50 or more');
  return n;
}

function pattern(value: string): string {
  try {
    new RegExp(value, 'u');
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
  return value;
}

const program = new Command('dramaguard').description('Register episodes, check clips and verify certificates with a DramaGuard api').exitOverride();

program
  .command('register')
  .description('register every video of FOLDER as an episode of a work; run it again to resume, registered files are skipped by SHA-256')
  .requiredOption('--work <id>', 'the work the episodes belong to')
  .option('--pattern <regex>', 'where the episode number is in a file name (first group, else the whole match)', pattern, DEFAULT_EPISODE_PATTERN)
  .option('--poll <ms>', 'how often to ask for fingerprinting progress', milliseconds, 1000)
  .argument('<folder>', 'folder of episode files')
  .action(async (folder: string, o: { work: string; pattern: string; poll: number }) => {
    if (!(await stat(folder)).isDirectory()) throw new Error(`${folder} is not a folder`);
    process.exitCode = (await registerFolder(client(), { workId: o.work, folder, pattern: o.pattern, pollMs: o.poll }, process.stdout, process.stderr)) ? 0 : 1;
  });

program
  .command('check')
  .description('submit a suspect clip (reviewer or admin key) and print the verdict')
  .argument('<clip>', 'video file')
  .option('--platform <name>', 'where the clip was found, e.g. douyin')
  .option('--uploader <handle>', "the uploader's account on that platform")
  .option('--territory <code>', 'ISO 3166 country code of the use')
  .option('--poll <ms>', 'how often to ask for the result', milliseconds, 1000)
  .action(async (clip: string, o: { platform?: string; uploader?: string; territory?: string; poll: number }) => {
    const fields = Object.fromEntries(Object.entries({ platform: o.platform, uploaderAccount: o.uploader, territory: o.territory }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    process.exitCode = (await checkClip(client(), clip, fields, o.poll, process.stdout, process.stderr)) ? 0 : 1;
  });

program
  .command('verify-certificate')
  .description('verify a registration certificate offline: its signature with the public key, and optionally the episode file')
  .argument('<certificate>', 'the certificate as saved from GET /registrations/{id}/certificate (the exact bytes)')
  .requiredOption('--signature <file>', 'GET /registrations/{id}/certificate.sig (base64) or its 64 raw bytes')
  .requiredOption('--key <pem>', 'the public key from GET /keys/signing')
  .option('--file <video>', 'the episode file, to check it is the one certified')
  .action(async (certificate: string, o: { signature: string; key: string; file?: string }) => {
    const file = o.file ? { sha256: await fileSha256(o.file), sizeBytes: (await stat(o.file)).size } : undefined;
    const check = checkCertificate(await readFile(certificate), await readFile(o.signature), await readFile(o.key, 'utf8'), file);
    process.stdout.write(check.lines.join('\n') + '\n');
    process.exitCode = check.valid ? 0 : 1;
  });

program.parseAsync(process.argv).catch((e: Error & { code?: string; exitCode?: number }) => {
  if (e.code?.startsWith('commander.')) {
    process.exitCode = e.exitCode === 0 ? 0 : 2;
    return;
  }
  process.stderr.write(`dramaguard: ${e.message}\n`);
  process.exitCode = e.name === 'ConfigError' || e.message.startsWith('set DRAMAGUARD_API_KEY') ? 2 : 1;
});
