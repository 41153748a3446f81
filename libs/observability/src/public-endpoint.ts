import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ENDPOINT = 'tns:public-endpoint';

/** Needs no credentials (health, metrics, login): the global auth guards let it through. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ENDPOINT, true);
