// Profile text the way freelancers write it: a headline, skills and a bio assembled from
// varied phrases, so honest people look different from each other while a fraud ring's
// personas (and, honestly, an agency's members) reuse one template with small edits.

import { Random } from './prng';

interface Specialty {
  readonly headline: readonly string[];
  readonly skills: readonly string[];
  readonly projects: readonly string[];
}

export const SPECIALTIES: readonly Specialty[] = [
  {
    headline: ['Full-Stack Developer', 'Senior Full-Stack Engineer', 'MERN Stack Developer', 'Web Developer'],
    skills: [
      'react',
      'node.js',
      'typescript',
      'next.js',
      'postgresql',
      'mongodb',
      'express',
      'graphql',
      'aws',
    ],
    projects: [
      'a SaaS billing dashboard',
      'a multi-tenant CRM',
      'an e-commerce storefront',
      'a booking platform',
    ],
  },
  {
    headline: [
      'Mobile App Developer',
      'Flutter Developer',
      'iOS & Android Engineer',
      'React Native Developer',
    ],
    skills: ['flutter', 'dart', 'swift', 'kotlin', 'react native', 'firebase', 'app store optimization'],
    projects: ['a food-delivery app', 'a fitness tracker', 'a telehealth app', 'a loyalty-card app'],
  },
  {
    headline: ['UI/UX Designer', 'Product Designer', 'Graphic Designer', 'Brand Identity Designer'],
    skills: ['figma', 'adobe xd', 'illustrator', 'photoshop', 'prototyping', 'design systems', 'branding'],
    projects: [
      'a fintech onboarding flow',
      'a brand refresh for a bakery chain',
      'a design system for a startup',
    ],
  },
  {
    headline: ['Content Writer', 'SEO Copywriter', 'Technical Writer', 'Ghostwriter'],
    skills: ['seo', 'copywriting', 'blog writing', 'wordpress', 'technical documentation', 'editing'],
    projects: ['120 blog posts for a travel site', 'API docs for a payments company', 'a newsletter series'],
  },
  {
    headline: [
      'Virtual Assistant',
      'Executive Assistant',
      'Customer Support Specialist',
      'Data Entry Specialist',
    ],
    skills: ['data entry', 'email management', 'zendesk', 'google sheets', 'calendar management', 'shopify'],
    projects: ['inbox and calendar for a real-estate broker', 'order support for a Shopify store'],
  },
  {
    headline: ['Data Analyst', 'Data Scientist', 'Machine Learning Engineer', 'BI Developer'],
    skills: ['python', 'pandas', 'sql', 'power bi', 'tableau', 'scikit-learn', 'pytorch', 'airflow'],
    projects: ['churn prediction for a telecom', 'sales dashboards in Power BI', 'a demand forecast model'],
  },
  {
    headline: ['DevOps Engineer', 'Cloud Engineer', 'Site Reliability Engineer'],
    skills: ['kubernetes', 'terraform', 'aws', 'docker', 'ci/cd', 'linux', 'prometheus'],
    projects: ['a migration to EKS', 'terraform for 40 AWS accounts', 'GitHub Actions pipelines'],
  },
  {
    headline: ['Blockchain Developer', 'Smart Contract Engineer', 'Web3 Developer'],
    skills: ['solidity', 'ethers.js', 'hardhat', 'rust', 'web3', 'defi', 'nft'],
    projects: ['an NFT marketplace', 'a staking contract', 'a DEX front end'],
  },
];

const OPENERS = [
  'Hi, I am {name}.',
  "Hello! I'm {name}, a {headline} based in {city}.",
  '{headline} with {years} years of experience.',
  'I help small businesses with {skill1} and {skill2}.',
  'Welcome to my profile!',
];
const MIDDLES = [
  'Recently I built {project}.',
  'My last big project was {project}, delivered on time and on budget.',
  'I have worked with clients from {n} countries.',
  'I specialise in {skill1}, {skill2} and {skill3}.',
  'Clean code, clear communication and honest estimates matter to me.',
];
const CLOSERS = [
  'Feel free to message me about your project.',
  'Available {hours} hours a week.',
  'Looking forward to working with you!',
  'Let us talk about what you need.',
];

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key);
}

export interface ProfileText {
  readonly headline: string;
  readonly skills: string[];
  readonly bio: string;
}

export function profileText(rng: Random, name: string, city: string): ProfileText {
  const specialty = rng.pick(SPECIALTIES);
  const headline = rng.pick(specialty.headline);
  const skills = rng.sample(specialty.skills, rng.int(3, 6));
  const values = {
    name,
    city,
    headline,
    years: String(rng.int(2, 14)),
    skill1: skills[0],
    skill2: skills[1],
    skill3: skills[2],
    project: rng.pick(specialty.projects),
    n: String(rng.int(3, 25)),
    hours: String(rng.pick([10, 20, 30, 40])),
  };
  const sentences = [rng.pick(OPENERS), ...rng.sample(MIDDLES, rng.int(1, 3)), rng.pick(CLOSERS)];
  return { headline, skills, bio: sentences.map((sentence) => fill(sentence, values)).join(' ') };
}

/**
 * A resume template one operator (or one agency) reuses for every persona: the same sentences,
 * with the name, years and one skill swapped.
 */
export interface ResumeTemplate {
  readonly headline: string;
  readonly skills: readonly string[];
  readonly sentences: readonly string[];
  readonly spareSkills: readonly string[];
}

export function resumeTemplate(rng: Random, specialty = rng.pick(SPECIALTIES)): ResumeTemplate {
  const skills = rng.sample(specialty.skills, 5);
  return {
    headline: rng.pick(specialty.headline),
    skills,
    spareSkills: specialty.skills.filter((skill) => !skills.includes(skill)),
    sentences: [
      `${rng.pick(['Senior', 'Lead', 'Experienced'])} {headline} with {years}+ years building production systems for US and European companies.`,
      `Expert in {skill1}, {skill2} and {skill3}; comfortable across the whole stack.`,
      `Delivered ${rng.pick(specialty.projects)} and ${rng.pick(specialty.projects)} for fast-growing startups.`,
      'I communicate proactively, overlap with US business hours and deliver on schedule.',
      `${rng.pick(['Available full time.', 'Open to long-term contracts.', 'Ready to start immediately.'])}`,
    ],
  };
}

export function fromTemplate(rng: Random, template: ResumeTemplate, name: string): ProfileText {
  const skills = [...template.skills];
  if (template.spareSkills.length > 0 && rng.chance(0.6))
    skills[rng.int(0, skills.length - 1)] = rng.pick(template.spareSkills);
  const values = {
    headline: template.headline,
    years: String(rng.int(6, 12)),
    skill1: skills[0],
    skill2: skills[1],
    skill3: skills[2],
    name,
  };
  const sentences = template.sentences.map((sentence) => fill(sentence, values));
  if (rng.chance(0.5)) sentences.splice(rng.int(1, sentences.length - 1), 1);
  if (rng.chance(0.5)) sentences.unshift(`Hi, I am ${name}.`);
  return {
    headline: rng.chance(0.7) ? template.headline : `${template.headline} | ${skills[0]}`,
    skills,
    bio: sentences.join(' '),
  };
}

/** A 64-bit perceptual hash as 16 hex chars. */
export function photoHash(rng: Random): string {
  return rng.hex(16);
}

/** The same photo re-cropped or re-compressed: a few bits of its perceptual hash differ. */
export function nearDuplicatePhoto(rng: Random, hash: string, flips = rng.int(1, 5)): string {
  let value = BigInt(`0x${hash}`);
  for (let i = 0; i < flips; i++) value ^= 1n << BigInt(rng.int(0, 63));
  return value.toString(16).padStart(16, '0');
}
