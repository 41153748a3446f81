// Locations of the shared real list files used by this library's tests (never copied into the repo).
import * as path from 'node:path';

export const SANCTIONS_DATA = path.resolve(__dirname, '../../../../shared/data/sanctions');

export const ofacSet = (folder: string) =>
  ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((file) =>
    path.join(SANCTIONS_DATA, folder, file),
  );
