import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderColorIcon, renderOutlineIcon } from './icons';

/** Writes manifests/teams/color.png and outline.png. Run: `npx tsx adapters/teams/package/generate-icons.ts`. */
const target = (name: string) => fileURLToPath(new URL(`../../../manifests/teams/${name}`, import.meta.url));

writeFileSync(target('color.png'), renderColorIcon());
writeFileSync(target('outline.png'), renderOutlineIcon());
console.log('Wrote manifests/teams/color.png (192×192) and manifests/teams/outline.png (32×32).');
