// Organisations from Sessionize tag lines: every distinct tag line of the Scottish Summit 2026 export, with the
// organisation a reader would take from it (none when the shape leaves it unclear).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTagLine } from '../../src/import/tag-line.ts';
import { describeWithShared, sharedPath } from '../helpers/shared.ts';

/** [tag line exactly as in the file, organisation or undefined]. */
const TAG_LINES: ReadonlyArray<readonly [string, string | undefined]> = [
  ['Senior Architect - Microsoft AI and Compliance Lead | Microsoft Copilot MVP | Microsoft MCT', undefined],
  ['Power Platform Solution Architect', undefined],
  ['Cross-Functional Technical Architect @ Microsoft, former MVP', 'Microsoft'],
  ['Zero Trust & Microsoft 365 Security Architect', undefined],
  ['Automated Tester at CGI', 'CGI'],
  ['Working on it...', undefined],
  ['MVP | MCT', undefined],
  ['Microsoft MVP | Cloud Solutions Architect at NetApp working in the EMEA Azure Business Group', 'NetApp'],
  ['Advocate, AI and Power Platform Demystifier, Global Speaker & Content Creator', undefined],
  [
    'Head of Professional Services - AI Business Solutions @ Telefonica Tech | Speaker | Mentor | User Group Leader | Microsoft MVP',
    'Telefonica Tech',
  ],
  ['Microsoft Business Applications MVP, Copilot Studio and Power Platform Expert at Wortell', 'Wortell'],
  ['Microsoft MVP & Partner & Solution Architect @CRMK Deutschland', 'CRMK Deutschland'],
  ['Strategic Service Designer for complex customer and operational journeys', undefined],
  ['Microsoft Architect, MVP', undefined],
  ['Security MVP, Head of Cloud Solutions for Brightsolid , Owner of Cloud Security Insider blog', undefined],
  [
    "VP, AI Consulting Transformation at Kyndryl | Created Kyndryl's FDE capability - scaling to 22,000 engineers | 6x Microsoft AI MVP | Doctoral researcher in Green Software Engineering, UEL",
    'Kyndryl',
  ],
  ['Principal Architect, Podcast Cohost, Blogger, Speaker, Lego Nerd', undefined],
  ['DamoBird365', undefined],
  [
    'Founder & Principal Consultant @ Strathos | Microsoft BizApps MVP (x3) | Coach | Mentor | Speaker | Advisor | Strategist',
    'Strathos',
  ],
  ['Principal Cloud Advocate, Microsoft', 'Microsoft'],
  ['Data Platform MVP (2020-2023)', undefined],
  ['Application Architect - Learn, Share, Grow', undefined],
  ['Microsoft 365 MVP - AI Consultant at InSpark ', 'InSpark'],
  ['Senior Power Platform Consultant, Microsoft MVP', undefined],
  [
    'Freelance Power Pages specialist with an unhealthy obsession for experimenting, learning and empowering others',
    undefined,
  ],
  ['Founder & Microsoft Partner Marketing Expert', undefined],
  ['Freelance .NET/Azure Engineer & Microsoft Certified Trainer @ Backnook', 'Backnook'],
  ['Inclusive AI Leader | Biz Apps Practice Lead | Women in Tech Advocate', undefined],
  [
    'Senior Technical Consultant | 16x Microsoft Certified | Blogger | Power Apps Super User | Tech Coach',
    undefined,
  ],
  ['Node4, Technology & Innovation Director', 'Node4'],
  ['CEO at proMX UK Limited / Business Applications MVP', 'proMX UK Limited'],
  ['Microsoft Field Technologist @ Advania UK', 'Advania UK'],
  ['Securing the Realm Podcast', undefined],
  ['UK Copilot and Agent Lead @ Avanade, Co-host Copilot Connection, MVP', 'Avanade'],
  ['Business Lead & Architect, Meltlake', 'Meltlake'],
  ['Software Architect, Microsoft MVP', undefined],
  ['M365 Solutions Architect | MVP M365', undefined],
  ['Digital Workplace Advisor | MVP, MCT | she, her', undefined],
  ['Solutions Architect', undefined],
  ['Microsoft 365 Solution Architect', undefined],
  [
    ' MVP | MCT | CISSP | Microsoft SME | AI | Cybersecurity | Defender XDR | Sentinel | Security Copilot',
    undefined,
  ],
  ['Microsoft 365 Spirit Guide, MVP, MCT', undefined],
  ['Chief Technologist at Data8', 'Data8'],
  ['Modern Workplace Solution Architect', undefined],
  ['Vice President of Developer Relations, GitHub', 'GitHub'],
  ['Co-Founder @dhino, Microsoft MVP / Solution Architect / Developer', 'dhino'],
  ['Chief AI Officer - Data8', 'Data8'],
  ['Capgemini, Senior Solution Architect Power Platform', 'Capgemini'],
  ['Power Platform Consultant @ Kerv', 'Kerv'],
  [
    'IT Process Automation Expert | define, automate, and delegate your IT Processes with Microsoft Automation and au2mator | ITSM Mastermind | Microsoft MVP',
    undefined,
  ],
  ['Technical Lead at Onepoint', 'Onepoint'],
  [
    'Microsoft Business Applications MVP, Founder of 365 a11y, Accessibility Advocate, Mental Health Champion, Community Cheerleader',
    undefined,
  ],
  ['Microsoft MVP | Cyber and Data Security | Blogger | Speaker | Fantasy Geek', undefined],
  ['MVP - European Microsoft AI Lead - KPMG', 'KPMG'],
  ['Power Platform specialist, trainer, podcaster, and coach', undefined],
  ['CISSP, CCSP, ACIIS AND ISO Auditor', undefined],
  ['Microsoft MVP | Modern Workplace | Employee Experience', undefined],
  ['Turning AI, Automation & Microsoft Technologies into real-world impact', undefined],
  ['MVP & Partner @ CRMK Deutschland', 'CRMK Deutschland'],
  [
    'MVP Identity & Access, Senior Architect at SoftwareOne, MCT and founder of agderinthe.cloud ',
    'SoftwareOne',
  ],
  ['Azure / Powershell Consulant | MVP | MCT', undefined],
  [
    'Data Platform MVP | Data & Analytics Consultant, Speaker, Trainer and Technology evangelist specialising in Data Visualisation (Power BI) and Microsoft Fabric',
    undefined,
  ],
  ['Solution Engineer - NetApp', 'NetApp'],
  ['Managing Director and Microsoft MVP', undefined],
  ['M365 Consultant/Trainer, MCT, MVP (M365), MCT Community Lead', undefined],
  ['CRN Women and Diversity Awards Finalist | Principal Consultant | Microsoft', 'Microsoft'],
  ['Lead consultant & Microsoft MVP', undefined],
  [
    '2x Microsoft MVP | Global Director Technology at proMX AG | Microsoft Dynamics 365 Project Operations Specialist | Speaker, Blogger, AI Enthusiast and Power Platform Advocate',
    'proMX AG',
  ],
  ['Evolve iMs  - Solutions Manager', 'Evolve iMs'],
  ['Software architect at Smartersoft', 'Smartersoft'],
  [
    'Blogger & speaker | Microsoft MVP Security | MCT | Data Security, Insider Risk, Power Platform Security & Governance, IAM',
    undefined,
  ],
  ['MVP, MCT, Author, Blogger - Granikos GmbH & Co. KG', 'Granikos GmbH & Co. KG'],
  ['BI Architect and Power BI Consultant at IBM', 'IBM'],
  ['Microsoft Business Applications & M365 MVP / Dynamics 365 & Power Platform Architect', undefined],
  ['Global Digital Workplace Services Consult Leader, Kyndryl', 'Kyndryl'],
];

describe('parseTagLine over the real tag lines', () => {
  it.each(TAG_LINES)('%j → %s', (tagLine, organization) => {
    const parsed = parseTagLine(tagLine);
    expect(parsed.organization).toBe(organization);
    // An unclear tag line is kept whole, as the person's description.
    if (organization === undefined) expect(parsed.role).toBe(tagLine.replace(/\s+/g, ' ').trim());
  });

  it('the shapes the issue names, on made-up lines', () => {
    expect(parseTagLine('Staff Engineer at Initech')).toEqual({
      role: 'Staff Engineer',
      organization: 'Initech',
    });
    expect(parseTagLine('Developer @ Hooli')).toEqual({ role: 'Developer', organization: 'Hooli' });
    expect(parseTagLine('Globex | Product Manager')).toEqual({
      role: 'Product Manager',
      organization: 'Globex',
    });
    expect(parseTagLine('Principal Architect, Umbrella')).toEqual({
      role: 'Principal Architect',
      organization: 'Umbrella',
    });
    expect(parseTagLine('Founder - Vandelay Industries')).toEqual({
      role: 'Founder',
      organization: 'Vandelay Industries',
    });
    expect(parseTagLine('Speaker, Blogger, Cat Person')).toEqual({ role: 'Speaker, Blogger, Cat Person' });
    expect(parseTagLine('   ')).toEqual({});
  });
});

describeWithShared(
  'the table is the real file',
  ['datasets/sessionize-scottish-summit-2026/sessionize.json'],
  () => {
    it('holds every distinct tag line of the export, and no other', () => {
      const file = JSON.parse(
        readFileSync(sharedPath('datasets/sessionize-scottish-summit-2026/sessionize.json'), 'utf8'),
      ) as { speakers: Array<{ tagLine: string }> };
      expect(new Set(TAG_LINES.map(([tagLine]) => tagLine))).toEqual(
        new Set(file.speakers.map((speaker) => speaker.tagLine)),
      );
    });
  },
);
