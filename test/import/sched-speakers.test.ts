// The Sched SUMMARY tail, on the shapes found in the real KubeCon EU 2026 export.
import { describe, expect, it } from 'vitest';
import { collectSpeakerHints, parseSchedSummary } from '../../src/import/sched-speakers.ts';

describe('parseSchedSummary', () => {
  it.each([
    [
      'Building a Kubernetes Platform That Scales From SaaS To Self-Managed - Florian Forster, GitLab',
      'Building a Kubernetes Platform That Scales From SaaS To Self-Managed',
      [{ name: 'Florian Forster', company: 'GitLab' }],
    ],
    [
      'Keynote: From Cloud-Native Apps to Cloud-Native Platforms - Abby Bangser, Principal Engineer, Syntasso',
      'Keynote: From Cloud-Native Apps to Cloud-Native Platforms',
      [{ name: 'Abby Bangser', role: 'Principal Engineer', company: 'Syntasso' }],
    ],
    [
      'Keynote: Welcome + Opening Remarks - Jonathan Bryce, Executive Director, Cloud and Infrastructure, Linux Foundation & Chris Aniszczyk, CTO, Cloud and Infrastructure, Linux Foundation',
      'Keynote: Welcome + Opening Remarks',
      [
        {
          name: 'Jonathan Bryce',
          role: 'Executive Director, Cloud and Infrastructure',
          company: 'Linux Foundation',
        },
        { name: 'Chris Aniszczyk', role: 'CTO, Cloud and Infrastructure', company: 'Linux Foundation' },
      ],
    ],
    [
      'Three Shades of Isolation: A Multi-tenancy Fortress - Braulio Dumba & Paolo Dettori, IBM',
      'Three Shades of Isolation: A Multi-tenancy Fortress',
      [
        { name: 'Braulio Dumba', company: 'IBM' },
        { name: 'Paolo Dettori', company: 'IBM' },
      ],
    ],
    [
      'Project Lightning Talk: Closing - Robert Sirchia, Community Manager, Kubewarden & Core Maintainer, Helm',
      'Project Lightning Talk: Closing',
      [{ name: 'Robert Sirchia', role: 'Community Manager, Kubewarden & Core Maintainer', company: 'Helm' }],
    ],
    [
      'Amplifying End User Voices - Rajas Kakodkar & Zach Shepherd, Broadcom; Kevin Klues, NVIDIA; Dawn Chen, Google',
      'Amplifying End User Voices',
      [
        { name: 'Rajas Kakodkar', company: 'Broadcom' },
        { name: 'Zach Shepherd', company: 'Broadcom' },
        { name: 'Kevin Klues', company: 'NVIDIA' },
        { name: 'Dawn Chen', company: 'Google' },
      ],
    ],
    [
      'Keynote: Riding the Waves: Around the World in an Electric Glider - Powered by Nature, Data, and Open Science - Ricardo Rocha, Lead Platforms Infrastructure, CERN',
      'Keynote: Riding the Waves: Around the World in an Electric Glider - Powered by Nature, Data, and Open Science',
      [{ name: 'Ricardo Rocha', role: 'Lead Platforms Infrastructure', company: 'CERN' }],
    ],
    [
      'Project Lightning Talk: Container2Wasm - Kohei Tokunaga, Maintainer',
      'Project Lightning Talk: Container2Wasm',
      [{ name: 'Kohei Tokunaga', role: 'Maintainer' }],
    ],
    [
      'Contribfest: Get Started With bootc - Joseph Marrero Corchado, Laura Santamaria, Preethi Thomas & Colin Walters, Red Hat',
      'Contribfest: Get Started With bootc',
      ['Joseph Marrero Corchado', 'Laura Santamaria', 'Preethi Thomas', 'Colin Walters'].map((name) => ({
        name,
        company: 'Red Hat',
      })),
    ],
    [
      'Cloud Native University: How Kubernetes Ships - Michael Forrester and Mumshad Mannambeth, KodeKloud',
      'Cloud Native University: How Kubernetes Ships',
      [
        { name: 'Michael Forrester', company: 'KodeKloud' },
        { name: 'Mumshad Mannambeth', company: 'KodeKloud' },
      ],
    ],
    [
      'SPIFFE Meets OAuth - Yoshiyuki Tabata, Hitachi, Ltd.',
      'SPIFFE Meets OAuth',
      [{ name: 'Yoshiyuki Tabata', company: 'Hitachi, Ltd.' }],
    ],
    [
      'Building Cloud Native Culture in a Bank - Marcy Paramonova, The Pictet Group & Stéphane Cusin, Banque Pictet & Cie SA',
      'Building Cloud Native Culture in a Bank',
      [
        { name: 'Marcy Paramonova', company: 'The Pictet Group' },
        { name: 'Stéphane Cusin', company: 'Banque Pictet & Cie SA' },
      ],
    ],
    [
      'Keynote: Keeping Sovereignty on Track - Thomas Comtet, Senior Staff Engineer, SNCF & Yann Rotilio, Senior Staff Engineer - Kubernetes Specialist, SNCF',
      'Keynote: Keeping Sovereignty on Track',
      [
        { name: 'Thomas Comtet', role: 'Senior Staff Engineer', company: 'SNCF' },
        { name: 'Yann Rotilio', role: 'Senior Staff Engineer - Kubernetes Specialist', company: 'SNCF' },
      ],
    ],
  ])('%s', (summary, title, speakers) => {
    expect(parseSchedSummary(summary)).toEqual({ title, speakers });
  });

  it.each([
    'KeycloakCon Hosted by CNCF - Half-Day Event | ALL ACCESS PASS REQUIRED',
    'Project Demo: Shipwright ❤️ Tekton - Build Containers in Tekton Pipelines',
    'Sponsored Demo: Shipping Faster - Without Tears',
    'Badge Pick-Up',
  ])('%s has no speakers and keeps its whole title', (summary) => {
    expect(parseSchedSummary(summary)).toEqual({ title: summary, speakers: [] });
  });

  it('uses the rest of the file to tell a second name from a company', () => {
    const summaries = [
      'Contribfest: Kagent - Lin Sun, Peter Jausovec & Eitan Yarmush, Solo.io',
      'Edge Kubernetes - Brandt Keller, Defense Unicorns & Merijn Keppel, TrueFullstaq',
      'Packaging - Brandt Keller & Austin Abro, Defense Unicorns; William Crum, Spectro Cloud',
    ];
    const hints = collectSpeakerHints(summaries);
    expect(parseSchedSummary(summaries[0] ?? '', hints).speakers.map((s) => s.name)).toEqual([
      'Lin Sun',
      'Peter Jausovec',
      'Eitan Yarmush',
    ]);
    expect(parseSchedSummary(summaries[1] ?? '', hints).speakers).toEqual([
      { name: 'Brandt Keller', company: 'Defense Unicorns' },
      { name: 'Merijn Keppel', company: 'TrueFullstaq' },
    ]);
  });
});
