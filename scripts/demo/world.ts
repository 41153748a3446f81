// The countries the demo marketplace's people live in: real cities with their IANA zones, phone
// numbering, banking conventions, languages, common names and mobile carriers (by AS number, as
// the DB-IP/RouteViews ASN table names them). Weights follow the rough shape of the big
// freelance marketplaces: freelancers from South Asia, South-East Asia, Eastern Europe, Africa
// and Latin America as well as the US/EU; clients mostly from the US, Western Europe and Australia.

export interface City {
  readonly name: string;
  readonly region: string;
  readonly timeZone: string;
  /** Area codes or mobile prefixes that are valid for this city (national significant number start). */
  readonly phonePrefixes: readonly string[];
  /** 'A' = upper-case letter, '9' = digit, other characters literal. */
  readonly postalPattern: string;
}

export interface Country {
  readonly code: string;
  readonly cities: readonly City[];
  readonly callingCode: string;
  /** Digits after the prefix so that prefix + rest is a full national significant number. */
  readonly phoneRestLength: number;
  readonly languages: readonly string[];
  readonly currency: string;
  /** BBAN pattern for IBAN countries ('A' letter, '9' digit); undefined = domestic account numbers. */
  readonly ibanBban?: string;
  readonly nameGroup: NameGroup;
  readonly mobileAsns: readonly number[];
  readonly freelancerWeight: number;
  readonly clientWeight: number;
  readonly streets: readonly string[];
}

export type NameGroup =
  | 'english'
  | 'hispanic'
  | 'indian'
  | 'pakistani'
  | 'bangladeshi'
  | 'filipino'
  | 'slavic'
  | 'polish'
  | 'german'
  | 'nigerian'
  | 'kenyan'
  | 'arabic'
  | 'brazilian'
  | 'vietnamese'
  | 'indonesian'
  | 'romanian'
  | 'french'
  | 'dutch'
  | 'turkish';

const city = (
  name: string,
  region: string,
  timeZone: string,
  phonePrefixes: string[],
  postalPattern: string,
): City => ({
  name,
  region,
  timeZone,
  phonePrefixes,
  postalPattern,
});

export const COUNTRIES: readonly Country[] = [
  {
    code: 'US',
    cities: [
      city('New York', 'NY', 'America/New_York', ['212', '347', '646', '718'], '100' + '99'),
      city('Austin', 'TX', 'America/Chicago', ['512', '737'], '787' + '99'),
      city('Chicago', 'IL', 'America/Chicago', ['312', '773'], '606' + '99'),
      city('Denver', 'CO', 'America/Denver', ['303', '720'], '802' + '99'),
      city('Phoenix', 'AZ', 'America/Phoenix', ['602', '480'], '850' + '99'),
      city('Seattle', 'WA', 'America/Los_Angeles', ['206', '425'], '981' + '99'),
      city('San Francisco', 'CA', 'America/Los_Angeles', ['415', '628'], '941' + '99'),
      city('Atlanta', 'GA', 'America/New_York', ['404', '678'], '303' + '99'),
      city('Miami', 'FL', 'America/New_York', ['305', '786'], '331' + '99'),
      city('Columbus', 'OH', 'America/New_York', ['614'], '432' + '99'),
    ],
    callingCode: '1',
    phoneRestLength: 7,
    languages: ['en-US'],
    currency: 'USD',
    nameGroup: 'english',
    mobileAsns: [21928, 6167, 20057],
    freelancerWeight: 14,
    clientWeight: 46,
    streets: [
      'Main Street',
      'Oak Avenue',
      'Maple Drive',
      'Cedar Lane',
      'Park Avenue',
      'Elm Street',
      'Washington Blvd',
    ],
  },
  {
    code: 'IN',
    cities: [
      city('Bengaluru', 'KA', 'Asia/Kolkata', ['98450', '99001', '70221'], '5600' + '99'),
      city('Pune', 'MH', 'Asia/Kolkata', ['98220', '70200', '88050'], '4110' + '99'),
      city('Hyderabad', 'TG', 'Asia/Kolkata', ['98480', '90000', '79950'], '5000' + '99'),
      city('Jaipur', 'RJ', 'Asia/Kolkata', ['98290', '94140'], '3020' + '99'),
      city('Kochi', 'KL', 'Asia/Kolkata', ['94470', '98950'], '6820' + '99'),
    ],
    callingCode: '91',
    phoneRestLength: 5,
    languages: ['en-IN', 'hi-IN'],
    currency: 'INR',
    nameGroup: 'indian',
    mobileAsns: [55836, 45609, 45271],
    freelancerWeight: 16,
    clientWeight: 2,
    streets: ['MG Road', 'Nehru Nagar', 'Gandhi Road', 'Lake View Layout', 'Station Road'],
  },
  {
    code: 'PK',
    cities: [
      city('Lahore', 'PB', 'Asia/Karachi', ['300', '321', '333'], '54' + '999'),
      city('Karachi', 'SD', 'Asia/Karachi', ['300', '345', '312'], '75' + '999'),
      city('Islamabad', 'IS', 'Asia/Karachi', ['301', '331'], '44' + '999'),
    ],
    callingCode: '92',
    phoneRestLength: 7,
    languages: ['en-PK', 'ur-PK'],
    currency: 'PKR',
    ibanBban: 'AAAA9999999999999999',
    nameGroup: 'pakistani',
    mobileAsns: [45669],
    freelancerWeight: 9,
    clientWeight: 0.5,
    streets: ['Mall Road', 'Jinnah Avenue', 'Canal Road', 'Gulberg Main Boulevard'],
  },
  {
    code: 'PH',
    cities: [
      city('Manila', 'NCR', 'Asia/Manila', ['917', '918', '927'], '1' + '999'),
      city('Cebu City', 'CEB', 'Asia/Manila', ['917', '932', '995'], '6' + '000'),
      city('Davao City', 'DAV', 'Asia/Manila', ['917', '998'], '8' + '000'),
    ],
    callingCode: '63',
    phoneRestLength: 7,
    languages: ['en-PH', 'fil-PH'],
    currency: 'PHP',
    nameGroup: 'filipino',
    mobileAsns: [132199, 4775],
    freelancerWeight: 10,
    clientWeight: 0.5,
    streets: ['Rizal Street', 'Mabini Street', 'Osmeña Boulevard', 'Bonifacio Avenue'],
  },
  {
    code: 'UA',
    cities: [
      city('Kyiv', 'Kyiv', 'Europe/Kyiv', ['67', '50', '93'], '0' + '1001'),
      city('Lviv', 'Lviv Oblast', 'Europe/Kyiv', ['67', '97', '63'], '79' + '000'),
      city('Kharkiv', 'Kharkiv Oblast', 'Europe/Kyiv', ['50', '66'], '61' + '000'),
    ],
    callingCode: '380',
    phoneRestLength: 7,
    languages: ['uk-UA', 'en-US', 'ru'],
    currency: 'UAH',
    ibanBban: '9999999999999999999999999',
    nameGroup: 'slavic',
    mobileAsns: [15895],
    freelancerWeight: 8,
    clientWeight: 0.5,
    streets: ['Khreshchatyk St', 'Shevchenka Ave', 'Franka St', 'Sumska St'],
  },
  {
    code: 'PL',
    cities: [
      city('Warsaw', 'MZ', 'Europe/Warsaw', ['501', '601', '791'], '00-' + '999'),
      city('Kraków', 'MA', 'Europe/Warsaw', ['502', '692'], '30-' + '999'),
      city('Wrocław', 'DS', 'Europe/Warsaw', ['503', '609'], '50-' + '999'),
    ],
    callingCode: '48',
    phoneRestLength: 6,
    languages: ['pl-PL', 'en-US'],
    currency: 'PLN',
    ibanBban: '999999999999999999999999',
    nameGroup: 'polish',
    mobileAsns: [12912],
    freelancerWeight: 4,
    clientWeight: 2,
    streets: ['ul. Marszałkowska', 'ul. Długa', 'ul. Floriańska', 'ul. Świdnicka'],
  },
  {
    code: 'RO',
    cities: [
      city('Bucharest', 'B', 'Europe/Bucharest', ['722', '744', '766'], '0' + '99999'),
      city('Cluj-Napoca', 'CJ', 'Europe/Bucharest', ['723', '745'], '400' + '999'),
    ],
    callingCode: '40',
    phoneRestLength: 6,
    languages: ['ro-RO', 'en-US'],
    currency: 'RON',
    ibanBban: 'AAAA9999999999999999',
    nameGroup: 'romanian',
    mobileAsns: [12302],
    freelancerWeight: 3,
    clientWeight: 0.5,
    streets: ['Strada Lipscani', 'Bulevardul Unirii', 'Strada Memorandumului'],
  },
  {
    code: 'DE',
    cities: [
      city('Berlin', 'BE', 'Europe/Berlin', ['151', '160', '176'], '10' + '999'),
      city('Munich', 'BY', 'Europe/Berlin', ['152', '171'], '80' + '999'),
      city('Hamburg', 'HH', 'Europe/Berlin', ['157', '172'], '20' + '999'),
    ],
    callingCode: '49',
    phoneRestLength: 8,
    languages: ['de-DE', 'en-US'],
    currency: 'EUR',
    ibanBban: '999999999999999999',
    nameGroup: 'german',
    mobileAsns: [6805, 3209],
    freelancerWeight: 3,
    clientWeight: 8,
    streets: ['Hauptstraße', 'Bahnhofstraße', 'Gartenweg', 'Schillerstraße'],
  },
  {
    code: 'GB',
    cities: [
      city('London', 'England', 'Europe/London', ['7700', '7911', '7400'], 'E1 9AA'),
      city('Manchester', 'England', 'Europe/London', ['7711', '7800'], 'M1 9AA'),
      city('Edinburgh', 'Scotland', 'Europe/London', ['7712', '7900'], 'EH1 9AA'),
    ],
    callingCode: '44',
    phoneRestLength: 6,
    languages: ['en-GB'],
    currency: 'GBP',
    ibanBban: 'AAAA99999999999999',
    nameGroup: 'english',
    mobileAsns: [5378, 25135],
    freelancerWeight: 4,
    clientWeight: 12,
    streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road'],
  },
  {
    code: 'NG',
    cities: [
      city('Lagos', 'LA', 'Africa/Lagos', ['803', '806', '813'], '100' + '001'),
      city('Abuja', 'FC', 'Africa/Lagos', ['803', '703'], '900' + '001'),
    ],
    callingCode: '234',
    phoneRestLength: 7,
    languages: ['en-NG'],
    currency: 'NGN',
    nameGroup: 'nigerian',
    mobileAsns: [29465],
    freelancerWeight: 5,
    clientWeight: 0.3,
    streets: ['Allen Avenue', 'Awolowo Road', 'Adeola Odeku Street', 'Ahmadu Bello Way'],
  },
  {
    code: 'KE',
    cities: [
      city('Nairobi', 'Nairobi', 'Africa/Nairobi', ['712', '722', '733'], '00' + '100'),
      city('Mombasa', 'Mombasa', 'Africa/Nairobi', ['722', '710'], '80' + '100'),
    ],
    callingCode: '254',
    phoneRestLength: 6,
    languages: ['en-KE', 'sw-KE'],
    currency: 'KES',
    nameGroup: 'kenyan',
    mobileAsns: [33771, 37061],
    freelancerWeight: 4,
    clientWeight: 0.3,
    streets: ['Moi Avenue', 'Kenyatta Avenue', 'Ngong Road', 'Kimathi Street'],
  },
  {
    code: 'EG',
    cities: [city('Cairo', 'C', 'Africa/Cairo', ['100', '111', '122'], '11' + '511')],
    callingCode: '20',
    phoneRestLength: 7,
    languages: ['ar-EG', 'en-US'],
    currency: 'EGP',
    ibanBban: '9999999999999999999999999',
    nameGroup: 'arabic',
    mobileAsns: [24835, 36935],
    freelancerWeight: 4,
    clientWeight: 0.3,
    streets: ['Tahrir Street', 'Qasr El Nil Street', 'Talaat Harb Street'],
  },
  {
    code: 'BD',
    cities: [city('Dhaka', 'Dhaka', 'Asia/Dhaka', ['171', '181', '191'], '1' + '2' + '99')],
    callingCode: '880',
    phoneRestLength: 7,
    languages: ['bn-BD', 'en-US'],
    currency: 'BDT',
    nameGroup: 'bangladeshi',
    mobileAsns: [],
    freelancerWeight: 6,
    clientWeight: 0.2,
    streets: ['Road 11, Banani', 'Satmasjid Road', 'Gulshan Avenue'],
  },
  {
    code: 'BR',
    cities: [
      city('São Paulo', 'SP', 'America/Sao_Paulo', ['11 9'], '01' + '999-999'),
      city('Belo Horizonte', 'MG', 'America/Sao_Paulo', ['31 9'], '30' + '999-999'),
      city('Recife', 'PE', 'America/Recife', ['81 9'], '50' + '999-999'),
    ],
    callingCode: '55',
    phoneRestLength: 8,
    languages: ['pt-BR', 'en-US'],
    currency: 'BRL',
    nameGroup: 'brazilian',
    mobileAsns: [26599, 28573, 27699],
    freelancerWeight: 4,
    clientWeight: 1,
    streets: ['Rua Augusta', 'Avenida Paulista', 'Rua da Aurora', 'Rua da Bahia'],
  },
  {
    code: 'AR',
    cities: [
      city('Buenos Aires', 'C', 'America/Argentina/Buenos_Aires', ['9 11'], 'C' + '1' + '999' + 'AAA'),
    ],
    callingCode: '54',
    phoneRestLength: 8,
    languages: ['es-AR', 'en-US'],
    currency: 'ARS',
    nameGroup: 'hispanic',
    mobileAsns: [],
    freelancerWeight: 3,
    clientWeight: 0.5,
    streets: ['Avenida Corrientes', 'Calle Florida', 'Avenida Santa Fe'],
  },
  {
    code: 'VN',
    cities: [
      city('Ho Chi Minh City', 'SG', 'Asia/Ho_Chi_Minh', ['90', '98'], '700' + '000'),
      city('Hanoi', 'HN', 'Asia/Ho_Chi_Minh', ['91', '97'], '100' + '000'),
    ],
    callingCode: '84',
    phoneRestLength: 7,
    languages: ['vi-VN', 'en-US'],
    currency: 'VND',
    nameGroup: 'vietnamese',
    mobileAsns: [7552],
    freelancerWeight: 3,
    clientWeight: 0.2,
    streets: ['Đường Nguyễn Huệ', 'Phố Hàng Bạc', 'Đường Lê Lợi'],
  },
  {
    code: 'ID',
    cities: [
      city('Jakarta', 'JK', 'Asia/Jakarta', ['812', '813', '821'], '10' + '999'),
      city('Denpasar', 'BA', 'Asia/Makassar', ['812', '878'], '80' + '999'),
    ],
    callingCode: '62',
    phoneRestLength: 7,
    languages: ['id-ID', 'en-US'],
    currency: 'IDR',
    nameGroup: 'indonesian',
    mobileAsns: [23693],
    freelancerWeight: 3,
    clientWeight: 0.2,
    streets: ['Jalan Sudirman', 'Jalan Thamrin', 'Jalan Raya Ubud'],
  },
  {
    code: 'CA',
    cities: [
      city('Toronto', 'ON', 'America/Toronto', ['416', '647'], 'M5V 9A9'),
      city('Vancouver', 'BC', 'America/Vancouver', ['604', '778'], 'V6B 9A9'),
    ],
    callingCode: '1',
    phoneRestLength: 7,
    languages: ['en-CA', 'fr-CA'],
    currency: 'CAD',
    nameGroup: 'english',
    mobileAsns: [],
    freelancerWeight: 2,
    clientWeight: 8,
    streets: ['King Street West', 'Queen Street', 'Granville Street', 'Yonge Street'],
  },
  {
    code: 'AU',
    cities: [
      city('Sydney', 'NSW', 'Australia/Sydney', ['412', '433'], '2' + '000'),
      city('Melbourne', 'VIC', 'Australia/Melbourne', ['401', '422'], '3' + '000'),
      city('Perth', 'WA', 'Australia/Perth', ['403', '438'], '6' + '000'),
    ],
    callingCode: '61',
    phoneRestLength: 6,
    languages: ['en-AU'],
    currency: 'AUD',
    nameGroup: 'english',
    mobileAsns: [133612],
    freelancerWeight: 1,
    clientWeight: 6,
    streets: ['George Street', 'Collins Street', 'Hay Street', 'Pitt Street'],
  },
  {
    code: 'NL',
    cities: [city('Amsterdam', 'NH', 'Europe/Amsterdam', ['61', '62'], '10' + '99 AA')],
    callingCode: '31',
    phoneRestLength: 7,
    languages: ['nl-NL', 'en-US'],
    currency: 'EUR',
    ibanBban: 'AAAA9999999999',
    nameGroup: 'dutch',
    mobileAsns: [33915],
    freelancerWeight: 1,
    clientWeight: 4,
    streets: ['Keizersgracht', 'Prinsengracht', 'Damrak'],
  },
  {
    code: 'FR',
    cities: [
      city('Paris', 'IDF', 'Europe/Paris', ['6 12', '6 70'], '750' + '99'),
      city('Lyon', 'ARA', 'Europe/Paris', ['6 20', '7 81'], '690' + '99'),
    ],
    callingCode: '33',
    phoneRestLength: 6,
    languages: ['fr-FR', 'en-US'],
    currency: 'EUR',
    ibanBban: '99999999999999999999999',
    nameGroup: 'french',
    mobileAsns: [],
    freelancerWeight: 1.5,
    clientWeight: 4,
    streets: ['Rue de Rivoli', 'Boulevard Haussmann', 'Rue de la République'],
  },
  {
    code: 'TR',
    cities: [city('Istanbul', '34', 'Europe/Istanbul', ['532', '542', '555'], '34' + '999')],
    callingCode: '90',
    phoneRestLength: 7,
    languages: ['tr-TR', 'en-US'],
    currency: 'TRY',
    ibanBban: '9999999999999999999999',
    nameGroup: 'turkish',
    mobileAsns: [15897],
    freelancerWeight: 2,
    clientWeight: 0.5,
    streets: ['İstiklal Caddesi', 'Bağdat Caddesi', 'Barbaros Bulvarı'],
  },
  {
    code: 'ES',
    cities: [
      city('Madrid', 'M', 'Europe/Madrid', ['6 12', '6 60'], '280' + '99'),
      city('Barcelona', 'B', 'Europe/Madrid', ['6 34', '6 91'], '080' + '99'),
    ],
    callingCode: '34',
    phoneRestLength: 6,
    languages: ['es-ES', 'en-US'],
    currency: 'EUR',
    ibanBban: '99999999999999999999',
    nameGroup: 'hispanic',
    mobileAsns: [12430],
    freelancerWeight: 1.5,
    clientWeight: 2,
    streets: ['Calle Mayor', 'Gran Vía', 'Carrer de Mallorca'],
  },
  {
    code: 'MX',
    cities: [city('Mexico City', 'CMX', 'America/Mexico_City', ['55'], '06' + '999')],
    callingCode: '52',
    phoneRestLength: 8,
    languages: ['es-MX', 'en-US'],
    currency: 'MXN',
    nameGroup: 'hispanic',
    mobileAsns: [],
    freelancerWeight: 2,
    clientWeight: 0.5,
    streets: ['Avenida Reforma', 'Calle Madero', 'Avenida Insurgentes'],
  },
  {
    code: 'AE',
    cities: [city('Dubai', 'DU', 'Asia/Dubai', ['50', '55'], '')],
    callingCode: '971',
    phoneRestLength: 7,
    languages: ['en-US', 'ar-AE'],
    currency: 'AED',
    ibanBban: '9999999999999999999',
    nameGroup: 'arabic',
    mobileAsns: [],
    freelancerWeight: 0.5,
    clientWeight: 2,
    streets: ['Sheikh Zayed Road', 'Al Wasl Road', 'Jumeirah Beach Road'],
  },
  {
    code: 'PT',
    cities: [city('Lisbon', '11', 'Europe/Lisbon', ['91', '93', '96'], '1' + '999-999')],
    callingCode: '351',
    phoneRestLength: 7,
    languages: ['pt-PT', 'en-US'],
    currency: 'EUR',
    ibanBban: '999999999999999999999',
    nameGroup: 'brazilian',
    mobileAsns: [12353],
    freelancerWeight: 0.5,
    clientWeight: 0.5,
    streets: ['Rua Augusta', 'Avenida da Liberdade', 'Rua do Ouro'],
  },
  {
    code: 'TH',
    cities: [city('Chiang Mai', 'CM', 'Asia/Bangkok', ['81', '89'], '50' + '200')],
    callingCode: '66',
    phoneRestLength: 7,
    languages: ['th-TH', 'en-US'],
    currency: 'THB',
    nameGroup: 'vietnamese',
    mobileAsns: [],
    freelancerWeight: 0,
    clientWeight: 0,
    streets: ['Nimmanhaemin Road', 'Huay Kaew Road'],
  },
  {
    code: 'CO',
    cities: [city('Medellín', 'ANT', 'America/Bogota', ['300', '310'], '050' + '021')],
    callingCode: '57',
    phoneRestLength: 7,
    languages: ['es-CO', 'en-US'],
    currency: 'COP',
    nameGroup: 'hispanic',
    mobileAsns: [],
    freelancerWeight: 1,
    clientWeight: 0.2,
    streets: ['Carrera 43A', 'Calle 10', 'Avenida El Poblado'],
  },
];

const byCode = new Map(COUNTRIES.map((country) => [country.code, country]));

export function countryByCode(code: string): Country {
  const country = byCode.get(code);
  if (!country) throw new Error(`unknown demo country ${code}`);
  return country;
}

/** Where digital nomads actually go: long-stay visas, cheap rent, good internet. */
export const NOMAD_DESTINATIONS: readonly string[] = ['PT', 'ES', 'TH', 'ID', 'MX', 'CO', 'VN', 'TR', 'AE'];

/** Universities whose own networks are in the ASN table, by country (AS number, name for humans). */
export const CAMPUSES: Readonly<Record<string, readonly (readonly [number, string])[]>> = {
  US: [
    [18, 'University of Texas at Austin'],
    [36375, 'University of Michigan'],
  ],
  GB: [[786, 'Jisc (UK universities)']],
  DE: [[553, 'Universität Stuttgart']],
  PH: [[23862, 'University of the Philippines']],
  NG: [[37170, 'University of Lagos']],
  KE: [[328225, 'Strathmore University']],
  BR: [[2716, 'Universidade Federal do Rio Grande do Sul']],
  UA: [[13032, 'Taras Shevchenko National University of Kyiv']],
  PK: [[7590, 'COMSATS University']],
  RO: [[24839, 'Babeș-Bolyai University']],
};

/** The city each campus is in (students live there), by AS number. */
export const CAMPUS_CITY: Readonly<Record<number, string>> = {
  18: 'Austin',
  36375: 'Columbus',
  786: 'Manchester',
  553: 'Munich',
  23862: 'Manila',
  37170: 'Lagos',
  328225: 'Nairobi',
  2716: 'São Paulo',
  13032: 'Kyiv',
  7590: 'Islamabad',
  24839: 'Cluj-Napoca',
};

/** City centres (latitude, longitude): home and office addresses are drawn near them. */
export const CITY_COORDINATES: Readonly<Record<string, readonly [number, number]>> = {
  'New York': [40.71, -74.01],
  Austin: [30.27, -97.74],
  Chicago: [41.88, -87.63],
  Denver: [39.74, -104.99],
  Phoenix: [33.45, -112.07],
  Seattle: [47.61, -122.33],
  'San Francisco': [37.77, -122.42],
  Atlanta: [33.75, -84.39],
  Miami: [25.76, -80.19],
  Columbus: [39.96, -83.0],
  Bengaluru: [12.97, 77.59],
  Pune: [18.52, 73.86],
  Hyderabad: [17.39, 78.49],
  Jaipur: [26.91, 75.79],
  Kochi: [9.93, 76.27],
  Lahore: [31.55, 74.34],
  Karachi: [24.86, 67.01],
  Islamabad: [33.68, 73.05],
  Manila: [14.6, 120.98],
  'Cebu City': [10.32, 123.89],
  'Davao City': [7.19, 125.46],
  Kyiv: [50.45, 30.52],
  Lviv: [49.84, 24.03],
  Kharkiv: [49.99, 36.23],
  Warsaw: [52.23, 21.01],
  Kraków: [50.06, 19.94],
  Wrocław: [51.11, 17.04],
  Bucharest: [44.43, 26.1],
  'Cluj-Napoca': [46.77, 23.62],
  Berlin: [52.52, 13.4],
  Munich: [48.14, 11.58],
  Hamburg: [53.55, 9.99],
  London: [51.51, -0.13],
  Manchester: [53.48, -2.24],
  Edinburgh: [55.95, -3.19],
  Lagos: [6.52, 3.38],
  Abuja: [9.08, 7.4],
  Nairobi: [-1.29, 36.82],
  Mombasa: [-4.04, 39.67],
  Cairo: [30.04, 31.24],
  Dhaka: [23.81, 90.41],
  'São Paulo': [-23.55, -46.63],
  'Belo Horizonte': [-19.92, -43.94],
  Recife: [-8.05, -34.88],
  'Buenos Aires': [-34.6, -58.38],
  'Ho Chi Minh City': [10.82, 106.63],
  Hanoi: [21.03, 105.85],
  Jakarta: [-6.21, 106.85],
  Denpasar: [-8.65, 115.22],
  Toronto: [43.65, -79.38],
  Vancouver: [49.28, -123.12],
  Sydney: [-33.87, 151.21],
  Melbourne: [-37.81, 144.96],
  Perth: [-31.95, 115.86],
  Amsterdam: [52.37, 4.9],
  Paris: [48.86, 2.35],
  Lyon: [45.76, 4.84],
  Istanbul: [41.01, 28.98],
  Madrid: [40.42, -3.7],
  Barcelona: [41.39, 2.17],
  'Mexico City': [19.43, -99.13],
  Dubai: [25.2, 55.27],
  Lisbon: [38.72, -9.14],
  'Chiang Mai': [18.79, 98.98],
  Medellín: [6.24, -75.58],
};
