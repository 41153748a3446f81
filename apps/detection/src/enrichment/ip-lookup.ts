import type { IpInfo } from '@tns/domain/detection';
import type { IpIntelService } from '@tns/ip-intel';
import { ipInfoFromIntel } from '../observations/ip-info.mapper';

/** What detection asks of IP intelligence; tests give their own. */
export abstract class IpLookupPort {
  abstract lookup(ip: string): IpInfo | undefined;
}

/** The worker's lookup: the loaded IP-intel data (swapped in place on reload). */
export class IpIntelLookup extends IpLookupPort {
  constructor(private readonly service: IpIntelService) {
    super();
  }

  lookup(ip: string): IpInfo | undefined {
    const intel = this.service.tryLookup(ip);
    return intel ? ipInfoFromIntel(intel) : undefined;
  }
}
