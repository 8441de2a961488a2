import { RegionHasher } from '../src/region-hasher';

/** The region kernel's hashes (RegionHasher.hashOne's calls), watched while `run` runs; the spy is restored after, whatever `run` does. */
export function watchingKernel<T>(run: (hashOne: jest.SpiedFunction<RegionHasher['hashOne']>) => T): T {
  const hashOne = jest.spyOn(RegionHasher.prototype, 'hashOne');
  try {
    return run(hashOne);
  } finally {
    hashOne.mockRestore();
  }
}
