/**
 * The LEMON peer (benchmarks/peers/lemon/transport-lemon.cpp): Debian's liblemon-dev installed
 * when missing, the program built with g++ when missing or older than its source. Only this
 * benchmark builds it; tests and CI never do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';

const HEADER = '/usr/include/lemon/network_simplex.h';

/** Path of the built peer (under benchmarks/peers/build/, gitignored). */
export function buildLemonPeer(root: string, log: (line: string) => void): string {
  const source = `${root}/benchmarks/peers/lemon/transport-lemon.cpp`;
  const binary = `${root}/benchmarks/peers/build/transport-lemon`;
  if (!existsSync(HEADER)) {
    log('lemon: liblemon-dev missing, installing it with apt-get');
    execFileSync('apt-get', ['install', '-y', '-q', 'liblemon-dev'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!existsSync(binary) || statSync(binary).mtimeMs < statSync(source).mtimeMs) {
    log('lemon: building the peer with g++ -O2');
    mkdirSync(`${root}/benchmarks/peers/build`, { recursive: true });
    execFileSync('g++', ['-O2', '-std=c++17', '-o', binary, source], { stdio: 'inherit' });
  }
  return binary;
}
