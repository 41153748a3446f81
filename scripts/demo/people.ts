// Personal details that look like the real thing: names by culture, e-mail addresses the way
// people actually make them, E.164 phones with valid prefixes, IBANs with correct check digits,
// domestic account numbers, wallet addresses, street addresses and identity documents.

import { Random } from './prng';
import { City, Country, NameGroup } from './world';

const NAMES: Record<NameGroup, { first: readonly string[]; last: readonly string[] }> = {
  english: {
    first: [
      'James',
      'Emily',
      'Michael',
      'Sarah',
      'David',
      'Jessica',
      'Daniel',
      'Ashley',
      'Ryan',
      'Lauren',
      'Kevin',
      'Megan',
      'Brian',
      'Rachel',
      'Jason',
      'Amanda',
      'Tyler',
      'Hannah',
      'Chris',
      'Olivia',
      'Ethan',
      'Grace',
      'Matthew',
      'Chloe',
    ],
    last: [
      'Smith',
      'Johnson',
      'Williams',
      'Brown',
      'Miller',
      'Davis',
      'Wilson',
      'Anderson',
      'Taylor',
      'Thomas',
      'Moore',
      'Martin',
      'Clark',
      'Lewis',
      'Walker',
      'Hall',
      'Young',
      'King',
      'Wright',
      'Baker',
      'Carter',
      'Mitchell',
      'Turner',
      'Parker',
    ],
  },
  hispanic: {
    first: [
      'Sofía',
      'Mateo',
      'Valentina',
      'Santiago',
      'Camila',
      'Diego',
      'Lucía',
      'Javier',
      'Martina',
      'Andrés',
      'Isabella',
      'Carlos',
      'Daniela',
      'Alejandro',
    ],
    last: [
      'García',
      'Rodríguez',
      'Martínez',
      'López',
      'González',
      'Pérez',
      'Sánchez',
      'Ramírez',
      'Torres',
      'Flores',
      'Rivera',
      'Gómez',
      'Díaz',
      'Morales',
    ],
  },
  indian: {
    first: [
      'Aarav',
      'Priya',
      'Rahul',
      'Ananya',
      'Vikram',
      'Sneha',
      'Arjun',
      'Kavya',
      'Rohan',
      'Divya',
      'Karthik',
      'Neha',
      'Siddharth',
      'Pooja',
      'Aditya',
      'Meera',
      'Varun',
      'Lakshmi',
    ],
    last: [
      'Sharma',
      'Patel',
      'Reddy',
      'Nair',
      'Iyer',
      'Gupta',
      'Singh',
      'Kumar',
      'Menon',
      'Rao',
      'Joshi',
      'Desai',
      'Mehta',
      'Pillai',
      'Verma',
      'Chopra',
    ],
  },
  pakistani: {
    first: [
      'Ahmed',
      'Ayesha',
      'Bilal',
      'Fatima',
      'Hamza',
      'Zainab',
      'Usman',
      'Sana',
      'Ali',
      'Hira',
      'Faisal',
      'Maryam',
      'Imran',
      'Amna',
    ],
    last: [
      'Khan',
      'Malik',
      'Hussain',
      'Qureshi',
      'Sheikh',
      'Butt',
      'Chaudhry',
      'Raza',
      'Javed',
      'Iqbal',
      'Siddiqui',
      'Akhtar',
    ],
  },
  bangladeshi: {
    first: [
      'Rafiq',
      'Nusrat',
      'Tanvir',
      'Farhana',
      'Shakil',
      'Sadia',
      'Arif',
      'Tahmina',
      'Mahmud',
      'Ruma',
      'Sabbir',
      'Jannat',
    ],
    last: ['Rahman', 'Hossain', 'Islam', 'Ahmed', 'Chowdhury', 'Alam', 'Uddin', 'Akter', 'Sarkar', 'Haque'],
  },
  filipino: {
    first: [
      'Maria',
      'Jose',
      'Angelica',
      'Mark',
      'Kristine',
      'John Paul',
      'Jasmine',
      'Rey',
      'Princess',
      'Carlo',
      'Joy',
      'Paolo',
      'Bea',
      'Miguel',
    ],
    last: [
      'Santos',
      'Reyes',
      'Cruz',
      'Bautista',
      'Garcia',
      'Mendoza',
      'Villanueva',
      'Ramos',
      'Aquino',
      'Castillo',
      'Dela Cruz',
      'Gonzales',
      'Navarro',
    ],
  },
  slavic: {
    first: [
      'Oleksandr',
      'Olena',
      'Dmytro',
      'Iryna',
      'Andriy',
      'Natalia',
      'Serhiy',
      'Kateryna',
      'Maksym',
      'Yulia',
      'Bohdan',
      'Oksana',
      'Taras',
      'Anastasiia',
    ],
    last: [
      'Shevchenko',
      'Kovalenko',
      'Bondarenko',
      'Tkachenko',
      'Kravchenko',
      'Melnyk',
      'Boyko',
      'Koval',
      'Oliynyk',
      'Lysenko',
      'Moroz',
      'Marchenko',
    ],
  },
  polish: {
    first: [
      'Jakub',
      'Zofia',
      'Piotr',
      'Katarzyna',
      'Tomasz',
      'Agnieszka',
      'Michał',
      'Magdalena',
      'Paweł',
      'Anna',
      'Krzysztof',
      'Joanna',
    ],
    last: [
      'Nowak',
      'Kowalski',
      'Wiśniewski',
      'Wójcik',
      'Kamiński',
      'Lewandowski',
      'Zieliński',
      'Szymański',
      'Woźniak',
      'Dąbrowski',
    ],
  },
  german: {
    first: [
      'Lukas',
      'Anna',
      'Jonas',
      'Lea',
      'Felix',
      'Laura',
      'Maximilian',
      'Julia',
      'Leon',
      'Sophie',
      'Paul',
      'Katharina',
    ],
    last: [
      'Müller',
      'Schmidt',
      'Schneider',
      'Fischer',
      'Weber',
      'Meyer',
      'Wagner',
      'Becker',
      'Hoffmann',
      'Schulz',
      'Koch',
      'Richter',
    ],
  },
  nigerian: {
    first: [
      'Chinedu',
      'Ngozi',
      'Emeka',
      'Adaeze',
      'Tunde',
      'Funmilayo',
      'Olumide',
      'Chiamaka',
      'Ifeanyi',
      'Yetunde',
      'Segun',
      'Amaka',
    ],
    last: [
      'Okafor',
      'Adeyemi',
      'Okonkwo',
      'Balogun',
      'Eze',
      'Oladipo',
      'Nwosu',
      'Adebayo',
      'Obi',
      'Ogunleye',
      'Uche',
      'Afolabi',
    ],
  },
  kenyan: {
    first: [
      'Wanjiru',
      'Brian',
      'Achieng',
      'Kevin',
      'Njeri',
      'Dennis',
      'Akinyi',
      'Collins',
      'Wambui',
      'Victor',
      'Mercy',
      'Ian',
    ],
    last: [
      'Kamau',
      'Otieno',
      'Mwangi',
      'Odhiambo',
      'Njoroge',
      'Wanjala',
      'Kiprop',
      'Ochieng',
      'Mutua',
      'Kariuki',
    ],
  },
  arabic: {
    first: [
      'Mohamed',
      'Nour',
      'Omar',
      'Salma',
      'Youssef',
      'Mariam',
      'Karim',
      'Hana',
      'Mostafa',
      'Yasmin',
      'Tarek',
      'Laila',
    ],
    last: [
      'Hassan',
      'Ibrahim',
      'Mahmoud',
      'Abdelrahman',
      'Farouk',
      'Saleh',
      'Mansour',
      'Naguib',
      'Fathy',
      'Kamal',
    ],
  },
  brazilian: {
    first: [
      'Gabriel',
      'Ana',
      'Lucas',
      'Beatriz',
      'Rafael',
      'Juliana',
      'Pedro',
      'Mariana',
      'Thiago',
      'Larissa',
      'Bruno',
      'Fernanda',
    ],
    last: [
      'Silva',
      'Santos',
      'Oliveira',
      'Souza',
      'Costa',
      'Pereira',
      'Almeida',
      'Ferreira',
      'Rodrigues',
      'Carvalho',
      'Lima',
      'Ribeiro',
    ],
  },
  vietnamese: {
    first: ['Minh', 'Linh', 'Huy', 'Trang', 'Duc', 'Thao', 'Khanh', 'Mai', 'Tuan', 'Ngoc', 'Quang', 'Hoa'],
    last: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Phan', 'Vu', 'Dang', 'Bui', 'Do'],
  },
  indonesian: {
    first: [
      'Budi',
      'Siti',
      'Agus',
      'Dewi',
      'Rizky',
      'Putri',
      'Andi',
      'Ayu',
      'Dimas',
      'Indah',
      'Fajar',
      'Rina',
    ],
    last: [
      'Santoso',
      'Wijaya',
      'Pratama',
      'Saputra',
      'Hidayat',
      'Kusuma',
      'Nugroho',
      'Setiawan',
      'Lestari',
      'Wibowo',
    ],
  },
  romanian: {
    first: [
      'Andrei',
      'Ioana',
      'Mihai',
      'Elena',
      'Alexandru',
      'Maria',
      'Ionuț',
      'Andreea',
      'Bogdan',
      'Cristina',
    ],
    last: [
      'Popescu',
      'Ionescu',
      'Popa',
      'Dumitru',
      'Stan',
      'Stoica',
      'Gheorghe',
      'Rusu',
      'Munteanu',
      'Matei',
    ],
  },
  french: {
    first: ['Louis', 'Camille', 'Hugo', 'Léa', 'Jules', 'Manon', 'Arthur', 'Chloé', 'Nathan', 'Inès'],
    last: [
      'Martin',
      'Bernard',
      'Dubois',
      'Thomas',
      'Robert',
      'Richard',
      'Petit',
      'Durand',
      'Leroy',
      'Moreau',
    ],
  },
  dutch: {
    first: ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Sophie', 'Milan', 'Tess', 'Levi', 'Sara'],
    last: [
      'de Jong',
      'Jansen',
      'de Vries',
      'van den Berg',
      'Bakker',
      'Visser',
      'Smit',
      'Meijer',
      'Mulder',
      'de Boer',
    ],
  },
  turkish: {
    first: ['Emre', 'Elif', 'Burak', 'Zeynep', 'Mehmet', 'Ayşe', 'Can', 'Selin', 'Murat', 'Ece'],
    last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Aydın', 'Öztürk', 'Arslan', 'Doğan'],
  },
};

export interface PersonName {
  readonly first: string;
  readonly last: string;
}

export function personName(rng: Random, group: NameGroup, last?: string): PersonName {
  const names = NAMES[group];
  return { first: rng.pick(names.first), last: last ?? rng.pick(names.last) };
}

export const fullName = (name: PersonName): string => `${name.first} ${name.last}`;

/** How marketplaces show people: "Priya S." */
export const displayNameOf = (name: PersonName): string => `${name.first} ${name.last.charAt(0)}.`;

const ASCII_FOLD: Record<string, string> = { ß: 'ss', ł: 'l', ı: 'i', ø: 'o', æ: 'ae', đ: 'd' };

/** E-mail local parts are ASCII: diacritics go, spaces go. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßłıøæđ]/g, (char) => ASCII_FOLD[char] ?? '')
    .replace(/[^a-z0-9]+/g, '');
}

const MAIL_PROVIDERS: readonly (readonly [string, number])[] = [
  ['gmail.com', 62],
  ['outlook.com', 10],
  ['yahoo.com', 8],
  ['hotmail.com', 6],
  ['icloud.com', 6],
  ['proton.me', 3],
  ['gmx.de', 1],
  ['mail.ru', 1],
];

/** Unique per call through the counter: two people may share a name, never a mailbox. */
export function emailFor(rng: Random, name: PersonName, serial: number, domain?: string): string {
  const first = asciiSlug(name.first);
  const last = asciiSlug(name.last);
  const year = rng.int(70, 99);
  const local = rng.weighted<string>([
    [`${first}.${last}`, 3],
    [`${first}${last}${serial % 1000}`, 3],
    [`${first.charAt(0)}${last}${year}`, 2],
    [`${last}.${first}${serial % 97}`, 1],
    [`${first}_${last.slice(0, 4)}${serial}`, 1],
  ]);
  const provider = domain ?? rng.weighted(MAIL_PROVIDERS);
  // The serial keeps addresses unique across the whole marketplace.
  const unique =
    local.includes(String(serial % 1000)) || local.includes(String(serial)) ? local : `${local}${serial}`;
  return `${unique}@${provider}`;
}

export function phoneFor(rng: Random, country: Country, city: City): string {
  const prefix = rng.pick(city.phonePrefixes).replace(/\s+/g, '');
  // The first digit after a NANP area code (the exchange) is 2-9; elsewhere it is harmless.
  const rest = String(rng.int(2, 9)) + rng.digits(country.phoneRestLength - 1);
  return `+${country.callingCode}${prefix}${rest}`;
}

/** Shows a phone the way a sign-up form often stores it, not always E.164. */
export function phoneAsTyped(rng: Random, e164: string): string {
  if (rng.chance(0.8)) return e164;
  const digits = e164.slice(1);
  return `+${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5)}`;
}

export function fillPattern(rng: Random, pattern: string): string {
  let out = '';
  for (const char of pattern) {
    if (char === '9') out += String(rng.int(0, 9));
    else if (char === 'A') out += String.fromCharCode(65 + rng.int(0, 25));
    else out += char;
  }
  return out;
}

/** ISO 13616 check digits: move the country code and "00" to the end, letters to numbers, mod 97. */
export function ibanFor(rng: Random, countryCode: string, bbanPattern: string): string {
  const bban = fillPattern(rng, bbanPattern);
  const numeric = `${bban}${countryCode}00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  const check = String(98 - remainder).padStart(2, '0');
  const iban = `${countryCode}${check}${bban}`;
  // Half the marketplaces store what the user typed: grouped by four.
  return rng.chance(0.5) ? iban : iban.replace(/(.{4})/g, '$1 ').trim();
}

export function domesticAccountFor(rng: Random, countryCode: string): string {
  switch (countryCode) {
    case 'US':
      return `${rng.pick(['021000021', '026009593', '121000358', '111000025', '322271627'])}-${rng.digits(rng.int(9, 12))}`;
    case 'IN':
      return `${rng.pick(['HDFC0', 'ICIC0', 'SBIN0', 'UTIB0'])}${rng.digits(6)}-${rng.digits(rng.int(11, 14))}`;
    default:
      return rng.digits(rng.int(10, 14));
  }
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function walletFor(rng: Random, chain: 'tron' | 'ethereum'): string {
  if (chain === 'ethereum') return `0x${rng.hex(40)}`;
  let address = 'T';
  for (let i = 0; i < 33; i++) address += BASE58.charAt(rng.int(0, BASE58.length - 1));
  return address;
}

export interface StreetAddress {
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly region: string;
  readonly postalCode: string;
  readonly country: string;
}

export function streetAddressFor(rng: Random, country: Country, city: City): StreetAddress {
  const street = rng.pick(country.streets);
  const number = rng.int(1, 240);
  // Numbers come first in English-speaking countries, after the street elsewhere.
  const numberFirst = ['US', 'GB', 'CA', 'AU', 'IN', 'PH', 'NG', 'KE', 'PK', 'BD'].includes(country.code);
  const line1 = numberFirst ? `${number} ${street}` : `${street} ${number}`;
  const postalCode = city.postalPattern ? fillPattern(rng, city.postalPattern) : '';
  return {
    line1,
    ...(rng.chance(0.35) ? { line2: `Apt ${rng.int(1, 40)}${rng.pick(['', 'A', 'B'])}` } : {}),
    city: city.name,
    region: city.region,
    postalCode: postalCode || '00000',
    country: country.code,
  };
}

/** YYYY-MM-DD for someone aged between minAge and maxAge at `at`. */
export function dateOfBirth(rng: Random, at: number, minAge: number, maxAge: number): string {
  const year = new Date(at).getUTCFullYear() - rng.int(minAge, maxAge);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Document numbers shaped like each issuer's (passport books, national ids, licences). */
export function documentNumberFor(rng: Random, countryCode: string, type: string): string {
  if (type === 'driving_licence' && countryCode === 'US') return `${fillPattern(rng, 'A99999999')}`;
  if (type === 'passport') {
    if (countryCode === 'US') return rng.digits(9);
    if (countryCode === 'IN') return fillPattern(rng, 'A9999999');
    if (countryCode === 'UA') return fillPattern(rng, 'AA999999');
    return fillPattern(rng, 'AA9999999');
  }
  if (countryCode === 'IN') return rng.digits(12);
  if (countryCode === 'PK') return `${rng.digits(5)}-${rng.digits(7)}-${rng.digits(1)}`;
  return fillPattern(rng, 'A99999999');
}
