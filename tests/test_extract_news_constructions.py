"""Constructions seen in published startup journalism, each in a sentence of our own (new names and
numbers): what the extractor must read from it. A construction is added here when a study of real news
(outlets from India, Africa, Latin America, fintech trade press, translated copies) showed the extractor
missing it or reading it wrong; the expected rows were worked out by hand from the annotation rules in
tests/data/news/README.md, not copied from the program's output."""

from __future__ import annotations

from datetime import date

import pytest

from extract import extract_article

PUBLISHED = date(2025, 3, 12)

# (id, text, expected rows as (company, metric, value)); rows not listed must not appear
CASES: list[tuple[str, str, set[tuple[str, str, float]]]] = [
    (
        "descriptor-comma-name",
        "Harbourline, a Ghanaian logistics startup, raised $3 million last week.\n\n"
        "Also, Kenya-based media company, Big Tamarind Studio, closed a $1.4 million seed round.",
        {("Harbourline", "funding_raised", 3e6), ("Big Tamarind Studio", "funding_raised", 1.4e6)},
    ),
    (
        "descriptor-comma-name-roundup",
        "Quarrow, a Peruvian proptech startup, closed a $900,000 pre-seed round.\n\n"
        "For instance, Senegal-based fintech startup, Doxali, closed a US$2.5 million pre-Series A round.",
        {("Quarrow", "funding_raised", 9e5), ("Doxali", "funding_raised", 2.5e6)},
    ),
    (
        "ampersand-name",
        "Mill & Loom, the parent of the online tutoring app Studyo, raised $12 million, the company said.",
        {("Mill & Loom", "funding_raised", 12e6)},
    ),
    (
        "investor-short-form-in-headline",
        "Pinecrest tops up Lumora Series A\n\nPinecrest Capital (formerly Redfield Partners) has added to its stake in "
        "Lumora, a Pune-based payroll lender.\n\nPinecrest has invested an additional $2.1 million in Lumora, "
        "filings showed.",
        {("Lumora", "funding_raised", 2.1e6)},
    ),
    (
        "number-word-opens-investor-name",
        "Tavora, a Chennai-based insurtech, raised $6 million in a round led by Seven Rivers Ventures.",
        {("Tavora", "funding_raised", 6e6)},
    ),
    (
        "customers-spending-is-no-burn",
        "Cardora, a card start-up, said its customers were spending about $12 million with its cards each month.",
        set(),
    ),
    (
        "translated-talks-would-value",
        "Vexio negotiates contribution led by Dutch fund Hollin\n\nHollin leads the conversations for a contribution "
        "of 300 million dollars in Vexio, which would value the digital bank at up to 2 billion dollars.",
        {("Vexio", "valuation_target", 2e9)},
    ),
    (
        "translated-investment-in-application",
        "Last month, Hollin announced an investment of 80 million dollars in the grocery application Pedimo.",
        {("Pedimo", "funding_raised", 8e7)},
    ),
    (
        "translated-one-of-another-of",
        "This week, the fund announced two more contributions, one of 40 million dollars in another logistics "
        "company, Rutavia, and another of 25 million dollars in the lending fintech Prestamo.",
        {("Rutavia", "funding_raised", 4e7), ("Prestamo", "funding_raised", 2.5e7)},
    ),
    (
        "elided-scale-respectively",
        "Tallo, based in Lima, and Quipu have obtained 35 and 20 million dollars, respectively, in their latest "
        "financing rounds.",
        {("Tallo", "funding_raised", 3.5e7), ("Quipu", "funding_raised", 2e7)},
    ),
    (
        "closed-their-doors-is-no-round",
        "Startup closures pile up\n\nA $900M drone courier and a publishing venture are among the companies that "
        "have closed their doors this year, as Skyloft, a drone-delivery startup, ran out of cash.",
        set(),
    ),
    (
        "backed-by-vc-funding",
        "Ferrovo, a rail-freight startup that was once valued at more than $1 billion, is shutting down. Backed by "
        "$310 million in VC funding from a lineup of investors, the startup said it would liquidate its assets.",
        {("Ferrovo", "valuation", 1e9), ("Ferrovo", "funding_raised", 3.1e8)},
    ),
    (
        "label-total-raised-and-n-person",
        "Lexora (2019-2024)\nTotal raised: $48 million\nLexora, a 90-person legal tech startup, is looking for a "
        "buyer for its software.",
        {("Lexora", "funding_raised", 4.8e7), ("Lexora", "headcount", 90)},
    ),
    (
        "outlet-told-is-no-company",
        "Ruvo, a Pune-based grocery app, is in talks to raise $40 Mn at a valuation of $300 Mn, sources told Inc42.",
        {("Ruvo", "valuation_target", 3e8)},
    ),
    (
        "sentence-opened-by-another-company",
        "Dashly, a quick-commerce app, raised $50 million at a $400 million valuation. Dashly said its annualised "
        "gross order value has gone above $1 billion.\n\nAnalysts expect Cartwave to list next year. Cartwave is "
        "preparing for the listing, in which it is seeking a valuation of around $2 billion, according to people familiar "
        "with the matter.",
        {("Dashly", "funding_raised", 5e7), ("Dashly", "valuation", 4e8), ("Cartwave", "valuation_target", 2e9)},
    ),
    (
        "slug-title-and-former-name",
        "Founded in 2020 under the name Tidepool, Harbormind has raised about $90 million from investors. It was "
        "valued at $600 million in a round last March.",
        {("Harbormind", "funding_raised", 9e7), ("Harbormind", "valuation", 6e8)},
    ),
    (
        "digit-led-lower-case-name",
        "31brains CEO steps down\n\n31brains, a Nairobi-based genomics startup, has raised $12 million since 2020, "
        "the company said. It works in 10hours of daylight, its founder joked.",
        {("31brains", "funding_raised", 1.2e7)},
    ),
    (
        "newsletter-bullets-led-by-company",
        "## Deals of the week\n\n- **Remitly Kenya** — nothing new this week.\n"
        "- **Sendbloom** 🇬🇭 — The transfer app built for Ghanaians and Nigerians abroad snagged a $21M Series A "
        "led by Oakridge Partners.\n"
        "- **Mavuno Pay** 🇰🇪 — The Nairobi startup picked up a $2.4M seed round from local angels.\n\n"
        "For scale: Oakridge Partners's market value is north of $9B. African startups raised about $2.1B in "
        "2024, down from roughly $2.7B the year before.",
        {("Sendbloom", "funding_raised", 2.1e7), ("Mavuno Pay", "funding_raised", 2.4e6)},
    ),
    (
        "other-player-which-picked-up",
        "Grocery apps are merging. Quikko, a Madrid start-up, raised $40m last year.\n\nAnd then there is "
        "Zoomcart, the other Madrid player, which picked up $90m at a $700m valuation last December.",
        {("Quikko", "funding_raised", 4e7), ("Zoomcart", "funding_raised", 9e7), ("Zoomcart", "valuation", 7e8)},
    ),
    (
        "roundup-bullet-with-place-in-brackets",
        "* **Corvina Cards** (Lyon) — The expense-card provider nabbed a €30m Series B.\n"
        "* **Piatta and Solvo** — Turin's Piatta, a payroll app, and Porto's Solvo, which digitises small-business "
        "bonds, raised €12m and €7m, respectively.\n"
        "* **Brume** (Cork) — The claims startup topped up its seed with a further €1.5m, bringing total funding to €5m.",
        {("Corvina Cards", "funding_raised", 3e7), ("Piatta", "funding_raised", 1.2e7), ("Solvo", "funding_raised", 7e6),
         ("Brume", "funding_raised", 1.5e6), ("Brume", "funding_raised", 5e6)},
    ),
    (
        "sector-statistic-continued",
        "Tamra, a Cairo logistics start-up, raised $8 million this week.\n\nStartups in North Africa raised $390 "
        "million across 31 deals in May, according to a regional tracker. Stripping out debt, equity funding came "
        "to $240 million.",
        {("Tamra", "funding_raised", 8e6)},
    ),
    (
        "translated-place-before-common-word-name",
        "Mobile money: the Malian Sahel, unicorn since 2022, advances in Senegal\n\nThe fintech of Bamako Sahel "
        "continues to trouble the operators. For recall, Sahel had raised 90 millions of dollars in March 2022 in "
        "a round of series B. The operation had valued the company to 1.1 billion of dollars.",
        {("Sahel", "funding_raised", 9e7), ("Sahel", "valuation", 1.1e9)},
    ),
    (
        "translated-japanese-procured-corporate-value",
        "Kiribi AI (Tokyo, Shibuya-ku), which develops robot software, announced on the 3rd that it procured 9 "
        "billion yen (about 60 million dollars) by Series B. The corporate value after procurement became 150 "
        "billion yen (approximately 1 billion dollars).",
        {("Kiribi AI", "funding_raised", 6e7), ("Kiribi AI", "valuation", 1e9)},
    ),
    (
        "equity-and-debt-split-investor-led-earlier",
        "In June the Mexican neobank Pluma obtained financing of 120 millions of dollars, of which 100 millions of "
        "dollars were capital and 20 millions of dollars were venture debt. Hollin Partners had led also the "
        "Series A of 30 millions of dollars of the company in 2022.",
        {("Pluma", "funding_raised", 1e8), ("Pluma", "funding_raised", 3e7)},
    ),
    (
        "bridge-being-sought",
        "Tokori, a Jakarta grocery start-up, has raised $40M to date. Existing investors are now being approached "
        "for a bridge of around $8M, the people said.",
        {("Tokori", "funding_raised", 4e7)},
    ),
    (
        "translated-hebrew-gathered-estimates-shekels",
        "The Israeli company of cyber Keshet Labs announced today that it completed a round of investment B of 25 "
        "million dollars. With this the company has gathered since its establishment 40 million dollars. A source "
        "close to the round estimates it at around 200 million dollars. The monthly burning of the cash of the "
        "company stood on 5 million shekel (about 1.4 million dollars).",
        {("Keshet Labs", "funding_raised", 2.5e7), ("Keshet Labs", "funding_raised", 4e7),
         ("Keshet Labs", "valuation", 2e8), ("Keshet Labs", "burn_rate", 1.4e6)},
    ),
    (
        "translated-bahasa-miliar",
        "Edukasi start-up Belajaro raised Rp 120 miliar (about $7.7 million) in 2021, the company said.",
        {("Belajaro", "funding_raised", 7.7e6)},
    ),
    (
        "weekly-funding-table",
        "Indian startups raised $61 Mn this week\n\n| Date | Name | Sector | Round Size | Round Type | Lead Investor |\n"
        "|---|---|---|---|---|---|\n"
        "| 11 Feb 2025 | Medvana | Healthtech | $40 Mn | Series C | Westline Capital |\n"
        "| 12 Feb 2025 | Rinpay | Fintech | $15 Mn | Debt | Konark Credit |\n"
        "| 13 Feb 2025 | Krishiq | Agritech | INR 52 Cr ($6 Mn) | Series A | Sahyadri Ventures |\n"
        "| 14 Feb 2025 | Kalakriti | Media | Undisclosed | Seed | – |\n\n"
        "Medvana's $40 Mn Series C was the biggest deal of the week.",
        {("Medvana", "funding_raised", 4e7), ("Krishiq", "funding_raised", 6e6)},
    ),
    (
        "deal-box-two-columns",
        "Pune-based Lendra closes Series A\n\nLendra, a consumer-credit app, has closed a Series A led by Accolade.\n\n"
        "| Detail | Figure |\n|---|---|\n| Round | Series A |\n| Amount raised | INR 110 Cr (~$13M) |\n"
        "| Post-money valuation | INR 650 Cr (~$78M) |\n| Registered users | 4 million |\n",
        {("Lendra", "funding_raised", 1.3e7), ("Lendra", "valuation", 7.8e7)},
    ),
    (
        "newsletter-emoji-headings-and-flags",
        "## 💸 Who raised this week\n\n- **Kopano** 🇿🇦 The rent-to-own app bagged a $12 million Series A led by "
        "Ridge Ventures.\n- **Ziwa Pay** 🇹🇿 The Dar es Salaam farm-input lender picked up TZS 2.6 billion (about "
        "$1 million) in a seed round.\n\n## ✂️ Cuts and exits\n\n- **Tango**, the Lima crypto wallet that raised "
        "a $5M seed, is shutting down.\n\n## 🏦 Funds\n\n- Accra-based Sankofa Seed Partners held a first close of "
        "its second fund at €30 million. It will write first cheques of €200,000 to €800,000 into West African "
        "startups.",
        {("Kopano", "funding_raised", 1.2e7), ("Ziwa Pay", "funding_raised", 1e6), ("Tango", "funding_raised", 5e6)},
    ),
    (
        "sector-compound-before-name",
        "E-pharmacy MedKart has picked up $90 million in fresh funding in a round that valued the company at "
        "$400 million, filings show.",
        {("MedKart", "funding_raised", 9e7), ("MedKart", "valuation", 4e8)},
    ),
    (
        "rival-appositive-and-another-descriptor",
        "Kuvana, a Lagos payments startup, raised $60 million this week.\n\nKuvana's closest competitor in "
        "merchant payments, Tarro, raised $250 million in 2021. That deal valued the Opera-backed firm at $1 billion."
        "\n\nMeanwhile, Brazil is busy. Pix, another São Paulo card processing and banking-as-a-service provider, "
        "reached unicorn status after raising $90 million in a round that valued it at $1.2 billion.",
        {("Kuvana", "funding_raised", 6e7), ("Tarro", "funding_raised", 2.5e8), ("Tarro", "valuation", 1e9),
         ("Pix", "funding_raised", 9e7), ("Pix", "valuation", 1.2e9)},
    ),
    (
        "sector-figure-reported-by-others",
        "Kelvo, a Lagos-based payments startup, has raised $40 million in a Series B.\n\nSeparately, investors "
        "said African fintech startups raised $1.2 billion last quarter.",
        {("Kelvo", "funding_raised", 4e7)},
    ),
    (
        "round-led-by-investors-valued-it",
        "In May Norvik raised $1 billion in a round led by Halden Capital, Ostra Partners and Birch Growth that "
        "valued it at $12 billion, people familiar said.",
        {("Norvik", "funding_raised", 1e9), ("Norvik", "valuation", 1.2e10)},
    ),
    (
        "translated-hindi-leadership-of",
        "Quick commerce company Tezzo has collected 200 million dollar from domestic investors.\n\nIn these are "
        "included the family office of the medicine company Aushadh. In August, in the round of 150 million dollar "
        "under the leadership of Harbor Peak, the valuation of this company of Pune was made 2 billion dollar. "
        "With this new money the total fundraising of the company in 2024 has reached to approximately 350 "
        "million dollar.",
        {("Tezzo", "funding_raised", 2e8), ("Tezzo", "funding_raised", 1.5e8), ("Tezzo", "valuation", 2e9),
         ("Tezzo", "funding_raised", 3.5e8)},
    ),
    (
        "possessive-team-from",
        "Three engineers from Corvane's payments team have been hired away by Ostrava Holdings.",
        {("Corvane", "departed_talent", 3)},
    ),
    (
        "surname-particle-and-role-acronym",
        "Dorvale, a Lagos-based lending startup, raised $4 million in 2023.\n\nIts co-founder and chief "
        "technology officer, Anouk van Rijn, left in July. Cofounder and CPO Tunde Okafor resigned a month ago, "
        "while two other VPs have also quit this year.",
        {("Dorvale", "funding_raised", 4e6), ("Dorvale", "departed_talent", 1), ("Dorvale", "departed_talent", 1),
         ("Dorvale", "departed_talent", 2)},
    ),
    (
        "chief-title-words-are-no-company",
        "Maseko Pay, a Durban payments startup, raised $2 million last year.\n\nChief Operating Officer Lindiwe "
        "Zulu will step down at the end of the month.",
        {("Maseko Pay", "funding_raised", 2e6), ("Maseko Pay", "departed_talent", 1)},
    ),
    (
        "year-before-founders-is-no-count",
        "Fennick, a Jakarta grocery app, raised $9 million in 2021.\n\nBy 2023 co-founders Arif Santoso and "
        "Dewi Lestari left the company that year. By 2024 it had 2100 employees.",
        {("Fennick", "funding_raised", 9e6), ("Fennick", "departed_talent", 2), ("Fennick", "headcount", 2100)},
    ),
    (
        "plus-ends-a-name",
        "Vidya Plus, a Pune edtech, raised $30 million in 2022. Vidya Plus has since cut 120 jobs.",
        {("Vidya Plus", "funding_raised", 3e7), ("Vidya Plus", "layoffs", 120)},
    ),
    (
        "rival-opens-paragraph-then-description",
        "Tindora, a Chennai grocery app, raised $40 million in 2023.\n\nRival Bazario has taken another road. The "
        "Kochi-based company raised $12 million in May at a valuation of $70 million. The company also let go of "
        "about 10% of its 400 staff in April.",
        {("Tindora", "funding_raised", 4e7), ("Bazario", "funding_raised", 1.2e7), ("Bazario", "valuation", 7e7),
         ("Bazario", "headcount", 400), ("Bazario", "layoffs", 40)},
    ),
    (
        "bold-label-then-description",
        "Pesofy, a Lima neobank, raised $25M last year.\n\n**Cordillo Pay.** The Quito-based payments app, valued at "
        "$300M in 2022, is pitching investors on a new round at about $200M.",
        {("Pesofy", "funding_raised", 2.5e7), ("Cordillo Pay", "valuation", 3e8), ("Cordillo Pay", "valuation_target", 2e8)},
    ),
    (
        "investor-list-before-valued-it",
        "Brightwell, a London security startup, said in May it raised $300 million in a round led by Harrow Ventures, "
        "Kestrel and Oakmoor Capital that valued it at $4 billion. Earlier, a Series B led by Dubai's Falconfund "
        "valued it at about $1.5 billion.",
        {("Brightwell", "funding_raised", 3e8), ("Brightwell", "valuation", 4e9), ("Brightwell", "valuation", 1.5e9)},
    ),
    (
        "take-x-opens-an-example",
        "Several delivery start-ups ran out of money this year.\n\nTake Zipkart. The Pune-based delivery company "
        "raised $90 million in 2022 in a round that valued it at about $400 million.",
        {("Zipkart", "funding_raised", 9e7), ("Zipkart", "valuation", 4e8)},
    ),
    (
        "labelled-rival-with-long-appositive",
        "Kobopay, the Accra fintech, raised $60M this year.\n\n**The rival:** ZeePay, its main challenger for "
        "merchant payments, pulled in $150M in May 2022 from a group led by Harlow's Growth Fund 3, at a $900M valuation.",
        {("Kobopay", "funding_raised", 6e7), ("ZeePay", "funding_raised", 1.5e8), ("ZeePay", "valuation", 9e8)},
    ),
    (
        "code-after-article-and-german-scale",
        "Tamboro, a Nairobi solar lender, raised a USD 9 M Series A in March 2023 at a post-money valuation of "
        "USD 45 M.\n\nThe Brazilian Core-Banking-Fintech Lumio had collected 64 Mio. US-Dollar in a round in "
        "October 2021, as the US-Company said.",
        {("Tamboro", "funding_raised", 9e6), ("Tamboro", "valuation", 4.5e7), ("Lumio", "funding_raised", 6.4e7)},
    ),
    (
        "change-from-to-is-two-figures-not-a-range",
        "Ravello, a Nairobi logistics startup, cut its monthly burn from $3 million to $1.2 million last year, and its "
        "revenue grew from $8m in 2023 to $14m in 2024. Its seed round in 2021 brought in between $2 million and $2.5 "
        "million, filings show.",
        {("Ravello", "burn_rate", 3e6), ("Ravello", "burn_rate", 1.2e6), ("Ravello", "revenue", 8e6),
         ("Ravello", "revenue", 1.4e7), ("Ravello", "funding_raised", 2e6), ("Ravello", "funding_raised", 2.5e6)},
    ),
    (
        "headcount-after-a-cut-is-no-layoff",
        "Sundara, a Colombo travel app, trimmed 40 jobs in May, bringing its headcount to 260. Its rival Tuktrip "
        "slashed its workforce by a third, to about 300 people. Sundara plans to double its headcount to 500 by 2027.",
        {("Sundara", "layoffs", 40), ("Sundara", "headcount", 260), ("Tuktrip", "headcount", 300)},
    ),
    (
        "departures-in-everyday-constructions",
        "Kwachu, a Lusaka payments startup, raised $6 million in 2023.\n\nChipo Mwale, Kwachu's co-founder, stepped "
        "down as chief executive on Monday. Kwachu also confirmed the departure of its head of product, Bwalya "
        "Tembo. Kwachu lost its CTO, Mutale Zulu, to a rival in January. Its founders Lubasi Phiri and Nalu "
        "Banda are no longer with the company.",
        {("Kwachu", "funding_raised", 6e6), ("Kwachu", "departed_talent", 1), ("Kwachu", "departed_talent", 2)},
    ),
    (
        "equity-and-debt-split-counts-equity",
        "Lendwise bags $45M Series B, but $20M of it is debt\n\nLendwise, a Bogota lender to small shops, has "
        "raised $45 million. Of the total, $25 million is equity, while the remaining $20 million is a credit "
        "facility from a local bank. The company raised $7 million in equity in 2022.",
        {("Lendwise", "funding_raised", 2.5e7), ("Lendwise", "funding_raised", 7e6)},
    ),
    (
        "sector-and-fund-figures-are-no-startups",
        "Zamora, a Lima insurtech, raised $9 million in March.\n\nPeru's fintech sector raised close to $300 million "
        "last year, and Zamora took a good share. Venture investors put roughly $2 billion into Latin American "
        "climate startups in 2024. Seed funding fell 30% to $41 million this week. Andes Ventures, which led the "
        "round, raised $250 million across its two new funds.",
        {("Zamora", "funding_raised", 9e6)},
    ),
    (
        "burn-in-other-words",
        "Pangani, a Dar es Salaam logistics startup, raised $15 million in 2022.\n\nWith a monthly burn near $1 "
        "million, it has about a year of runway. Last year it was chewing through $3 million a month, and its "
        "monthly operating costs are still about $1.4 million.",
        {("Pangani", "funding_raised", 1.5e7), ("Pangani", "burn_rate", 1e6), ("Pangani", "burn_rate", 3e6),
         ("Pangani", "burn_rate", 1.4e6)},
    ),
    (
        "burn-labels-slashes-and-conversions",
        "Mbeya Pay, a Tanzanian wallet, raised $8 million in 2023.\n\nMonthly burn: about $600K/month.\n\n"
        "Its burn rate was roughly TSh 2.5 billion a month (about $1 million) last year, and it consumes about "
        "700,000 dollars each month today.",
        {("Mbeya Pay", "funding_raised", 8e6), ("Mbeya Pay", "burn_rate", 6e5), ("Mbeya Pay", "burn_rate", 1e6),
         ("Mbeya Pay", "burn_rate", 7e5)},
    ),
    (
        "layoffs-in-other-words",
        "Rupeeo, a Pune lending app, raised $30 million in 2022.\n\nRupeeo has shown the door to 80 employees and "
        "handed pink slips to 40 staff in its collections team. Over 100 employees have been asked to leave since "
        "January. It will let go of up to 200 workers next quarter.",
        {("Rupeeo", "funding_raised", 3e7), ("Rupeeo", "layoffs", 80), ("Rupeeo", "layoffs", 40),
         ("Rupeeo", "layoffs", 100), ("Rupeeo", "layoffs", 200)},
    ),
    (
        "price-after-raise-and-translated-thousands",
        "Cuzco Pay, a Lima payments app, raised $60 million at $700 million in 2022. A year earlier a round put a "
        "$300 million price on the company.\n\nThe new round values the company in US$1.250 millions, according "
        "to the statement.",
        {("Cuzco Pay", "funding_raised", 6e7), ("Cuzco Pay", "valuation", 7e8), ("Cuzco Pay", "valuation", 3e8),
         ("Cuzco Pay", "valuation", 1.25e9)},
    ),
    (
        "founders-after-founded-by-and-roundup-item-with-flag",
        "Weekly wrap\n\n- **Shamba Cover** 🇰🇪 The Nairobi crop insurer has laid off 30 people.\n"
        "- **Koba Link** 🇿🇦 Co-founder and CTO Thabo Nkosi has quit the Durban insurtech.\n\n"
        "In total, the insurtech, founded by Lindiwe Dube and Niccolo Ferra in 2018, has raised north of $90 million.",
        {("Shamba Cover", "layoffs", 30), ("Koba Link", "departed_talent", 1), ("Koba Link", "funding_raised", 9e7)},
    ),
    (
        "caps-heading-and-affiliation-with-a-city",
        "Brightfold, a London security startup, raised $5 million in May.\n\nPEOPLE MOVES\n\n- Annika Holm, "
        "co-founder and CTO of Oslo carbon-accounting startup Fjordleaf, handed in her notice last week.\n\n"
        "Kuala Lumpur-based Gajipay, which sells payroll and HR software, and Bangkok's Sabai Clinic raised $14m "
        "and $9m, respectively.",
        {("Brightfold", "funding_raised", 5e6), ("Fjordleaf", "departed_talent", 1), ("Gajipay", "funding_raised", 1.4e7),
         ("Sabai Clinic", "funding_raised", 9e6)},
    ),
    (
        "translated-respectively-with-one-currency-word",
        "Casanova, a Sao Paulo proptech, was founded in 2012.\n\nIn their last valuations, both in 2021, Casanova "
        "and Moradia were valued in 4.2 billions and 1.8 billions of dollars, respectively.",
        {("Casanova", "valuation", 4.2e9), ("Moradia", "valuation", 1.8e9)},
    ),
    (
        "departures-given-up-presented-moved-on",
        "Nyota Pay, a Kampala wallet, raised $7 million in 2022.\n\nIts chief operating officer, Achieng Otieno, "
        "gave up the COO job in January. The finance chief, Musa Kato, presented his resignation last month. "
        "Co-founders Brian Okello and Ruth Nambi gave up their executive roles in March. The chief revenue "
        "officer, Peter Ssali, that left the company in February, joined a bank. Its CTO Dan Mugisha moved on in 2023.",
        {("Nyota Pay", "funding_raised", 7e6), ("Nyota Pay", "departed_talent", 1), ("Nyota Pay", "departed_talent", 2)},
    ),
    (
        "designer-is-no-role-before-an-org-name-and-plural-rounds",
        "Leeds chip designer Quarry Silicon and Oxford enzyme start-up Tessel Bio announced rounds of £12m and "
        "£7.5m, respectively, on Tuesday.",
        {("Quarry Silicon", "funding_raised", 1.2e7), ("Tessel Bio", "funding_raised", 7.5e6)},
    ),
    (
        "would-have-valued-is-sought",
        "Tembo Books, a Nairobi accounting startup, raised $3 million in 2023.\n\nThe bigger round we walked away "
        "from would have valued us at $40m, Tembo Books' chief executive said.",
        {("Tembo Books", "funding_raised", 3e6), ("Tembo Books", "valuation_target", 4e7)},
    ),
    (
        "group-spelled-out-and-base-with-first",
        "Glasgow proptech Tenfold has lost three people to Monzo, which has been hiring hard: chief technology "
        "officer Morag Bell and two of her senior engineers.\n\n\"Two of our first five engineers quit after the "
        "layoff,\" Tenfold's founder said.",
        {("Tenfold", "departed_talent", 3), ("Tenfold", "departed_talent", 2)},
    ),
    (
        "european-thousands-in-counts-and-a-headcount-goal",
        "Kelvo, a Sao Paulo payments startup, was founded in 2019.\n\nThe company had 1.200 employees in the end "
        "of 2023. Its rival Pagora employs approximately 3 000 persons. Kelvo's founder wants to have more than "
        "2.000 employees in the payroll for the end of the next year.",
        {("Kelvo", "headcount", 1200), ("Pagora", "headcount", 3000)},
    ),
    (
        "share-allotment-to-raise-is-money-raised",
        "Kelvo, a Bengaluru fintech startup, was founded in 2019.\n\nAs per its regulatory filings, Kelvo allotted "
        "3,200 Series B CCPS at an issue price of INR 95,000 each to raise INR 30 Cr ($3.6 Mn). It is also looking "
        "to raise $20 Mn more.",
        {("Kelvo", "funding_raised", 3.6e6)},
    ),
    (
        "translated-lifts-and-debt-after-a-conversion",
        "The French start-up Lumeno lifts 15 million euros to accelerate its development.\n\nIts rival Sahelpay "
        "announced to have lifted 80 millions of euros, that is to say around 94 millions of dollars, under form "
        "of debt. Nilo Pay secured EGP 150 million (about $3 million) of equity and KES 650 million ($5 million) in "
        "debt financing.",
        {("Lumeno", "funding_raised", 1.5e7), ("Nilo Pay", "funding_raised", 3e6)},
    ),
    (
        "a-raise-in-progress-is-sought",
        "Vantor, a Munich payroll start-up, is raising EUR 40m at a valuation of around EUR 300m, people familiar "
        "with the talks said. After raising EUR 12m at a EUR 90m valuation in 2022, it hired 40 people.",
        {("Vantor", "valuation_target", 3e8), ("Vantor", "funding_raised", 1.2e7), ("Vantor", "valuation", 9e7)},
    ),
    (
        "neobank-named-bank-and-two-dated-raises",
        "Five Lagos fintechs raised $90m this year.\n\nAlso, Zuri Bank raised $15 million in March and $35 million "
        "in August 2021, while Kelvo raised $10m in 2022 and a further $20m in 2023.",
        {("Zuri Bank", "funding_raised", 1.5e7), ("Zuri Bank", "funding_raised", 3.5e7), ("Kelvo", "funding_raised", 1e7),
         ("Kelvo", "funding_raised", 2e7)},
    ),
    (
        "paragraph-opened-by-an-organisations-possessive",
        "In other news, Ledgerbook kept growing in FY23.\n\nElsewhere, Quizzo Arena's Indian entity reported 30% "
        "growth in FY23 revenue. Incidentally, the company let go of as many as 200 employees in August.\n\n"
        "Meanwhile, Hyderabad-based Orbitra Space raises $20 million in its Series B round, led by Temasek.",
        {("Quizzo Arena", "layoffs", 200), ("Orbitra Space", "funding_raised", 2e7)},
    ),
    (
        "translated-thousand-million",
        "A few days ago we learned that Cobre, one of the fintechs based in Monterrey, obtained 120 million dollars "
        "of investment in a round in which its valuation shot up to 2 thousand 300 million dollars.",
        {("Cobre", "funding_raised", 1.2e8), ("Cobre", "valuation", 2.3e9)},
    ),
    (
        "an-organisations-own-figure-is-not-the-focus-startups",
        "Meta to lay off 10,000 more workers; Zapcash executes second round of layoffs; Boltr laid off 17 of its 70 "
        "workers in Ghana.\n\nZapcash, the Accra payments startup, has laid off more than 150 employees since "
        "December.",
        {("Meta", "layoffs", 10000), ("Boltr", "layoffs", 17), ("Boltr", "headcount", 70), ("Zapcash", "layoffs", 150)},
    ),
    (
        "common-word-names-and-a-descriptor-led-paragraph",
        "Gravel was backed by the best-known funds in the region. But barely a year after snagging $14 million in "
        "funding, the Jakarta construction startup is no longer in operation.\n\nGoride, Indonesia's most valued "
        "startup, laid off more than 100 employees in the final quarter of last year.\n\nIndia-headquartered budget "
        "hotel chain RYO has also downsized its Indonesian team. The SoftBank-backed company terminated the "
        "employment of more than 200 staff in Indonesia.",
        {("Gravel", "funding_raised", 1.4e7), ("Goride", "layoffs", 100), ("RYO", "layoffs", 200)},
    ),
    (
        "two-roles-are-to-leave-and-state-approval",
        "Flinkly, the Berlin grocery delivery startup, laid off 300 people in May.\n\nThis week the company's chief "
        "people officer Dana Fuchs and vice president of human resources Lotte van Veen are to leave the company. "
        "Swedish battery maker Voltnord has secured approval for EUR 900m to build a plant in northern Germany.",
        {("Flinkly", "layoffs", 300), ("Flinkly", "departed_talent", 2)},
    ),
    (
        "weekly-roundup-of-rounds",
        "Space tech and AI dominated early March. The startup funding rounds totaled over $2 billion across ten "
        "companies this week.\n\nOrbital Forge led the pack. The Denver company closed $450 million at a $6 billion "
        "valuation.\n\nCarehub grabbed $150 million from a growth fund for its care platform.\n\nQuorum hit unicorn "
        "status. The Austin software company raised $90 million at a $1 billion valuation.",
        {("Orbital Forge", "funding_raised", 4.5e8), ("Orbital Forge", "valuation", 6e9), ("Carehub", "funding_raised", 1.5e8),
         ("Quorum", "funding_raised", 9e7), ("Quorum", "valuation", 1e9)},
    ),
    (
        "a-round-targeted-is-sought",
        "Robotaxi firm Luoma raised $30 million in angel funding, a Shanghai outlet reported, and has targeted a "
        "Series A round of $100 million.",
        {("Luoma", "funding_raised", 3e7)},
    ),
    (
        "another-companys-clause-in-a-roundup",
        "Online tutor Vidyalo has fired 385 people more, bringing its total to 1,100.\n\nAmong edtech players, "
        "Shikshaa has also slashed its workforce by 10 per cent, while Gyanodaya has gone ahead with the largest "
        "job cut, affecting 2,500 people. Vidyalo's ARR had reached about $50 million before the cuts.",
        {("Vidyalo", "layoffs", 385), ("Vidyalo", "layoffs", 1100), ("Gyanodaya", "layoffs", 2500),
         ("Vidyalo", "revenue", 5e7)},
    ),
    (
        "two-adjectives-before-the-people-noun",
        "Edtech unicorn Padhlo has handed out pink slips to 100 employees. It had fired 520 full-time and "
        "contractual staffers in two batches in May.",
        {("Padhlo", "layoffs", 100), ("Padhlo", "layoffs", 520)},
    ),
    (
        "translated-would-evaluate-and-a-population",
        "Brasa Pay, the Sao Paulo fintech, is in talks with investors.\n\nThe site published on the eve that a "
        "Japanese fund leads the conversations for a contribution of 500 million dollars in Brasa Pay, which would "
        "evaluate the financial portal in up to 4 billion dollars. Brazil has about 215 million people.",
        {("Brasa Pay", "valuation_target", 4e9)},
    ),
    (
        "weekly-burn-and-a-later-clauses-future",
        "Mtaa, a Nairobi logistics startup, raised $6 million in 2023.\n\nIt now burns about $200,000 a month and "
        "expects to break even next year. At its peak it was spending $150,000 a week.",
        {("Mtaa", "funding_raised", 6e6), ("Mtaa", "burn_rate", 2e5), ("Mtaa", "burn_rate", 150000 * 52 / 12)},
    ),
    (
        "people-who-went-with-a-leaver",
        "Kelvo, a Lagos payments startup, was founded in 2019.\n\n\"When our CTO left, two of our first six "
        "engineers went with him,\" the founder of Kelvo said. Three of its designers followed her out in May.",
        # (the CTO who left counts too: "our CTO left" is a role departure told by the founder)
        {("Kelvo", "departed_talent", 1), ("Kelvo", "departed_talent", 2), ("Kelvo", "departed_talent", 3)},
    ),
    (
        "series-b-plus-venture-debt-and-closing-in-on",
        "Vaxi, the Swedish neobank, is to lay off a third of its 210-strong workforce months after raising $150 "
        "million in Series B and venture debt funding. The firm in June picked up $90 million in Series B funding "
        "and $60 million in venture debt financing.\n\nIn January its rival Monzetta looked set to join the unicorn "
        "club as it closed in on a GBP 100 million funding round.",
        {("Vaxi", "headcount", 210), ("Vaxi", "layoffs", 70), ("Vaxi", "funding_raised", 9e7)},
    ),
    (
        "a-count-of-startups-that-collectively-raised",
        "Brewly, a Bay Area beverage startup, raised $30 million in early 2022 and shut down in May.\n\nBut for "
        "many startups, budget cuts have not been enough: more than 3,200 startups, which collectively raised "
        "$27 billion, closed up shop this year.",
        {("Brewly", "funding_raised", 3e7)},
    ),
    (
        "may-participate-in-a-round-that-could-value",
        "Orchid Cover, a Pune insurtech, is looking to raise a round of funding. Existing investors may also "
        "participate in the round that could value the company at up to $90 million, another person said.",
        {("Orchid Cover", "valuation_target", 9e7)},
    ),
    (
        "entire-team-laid-off-and-a-cut-by-a-share-to-a-remainder",
        "Loopa, a Cape Town events app, laid off its entire 40-person team in June.\n\nIts rival Tikiti reduced "
        "its workforce by 25 percent to about 300 employees.",
        {("Loopa", "headcount", 40), ("Loopa", "layoffs", 40), ("Tikiti", "headcount", 300)},
    ),
    (
        "departure-is-moving-on",
        "Tarmic, a Kigali-based freight startup, raised $6 million in May.\n\n"
        "Odile Kayitesi, the chief financial officer of Tarmic, is moving on, the startup said on Monday.",
        {("Tarmic", "funding_raised", 6e6), ("Tarmic", "departed_talent", 1)},
    ),
    (
        "destination-rival-typed-startup",
        "Kestrel Ledger co-founder quits to join rival Povo\n\nKestrel Ledger's co-founder Ana Lima has resigned to join "
        "Pune-based Povo as president, the company said.\n\nPovo, meanwhile, turned profitable on revenue of $31 million "
        "and employs nearly 700 people.",
        {("Kestrel Ledger", "departed_talent", 1), ("Povo", "revenue", 31e6), ("Povo", "headcount", 700)},
    ),
    (
        "numbered-listicle-section-and-is-the-one-startup",
        "Three lenders after the winter\n\n1. Marlo is shrinking\n\nMarlo, a Jaipur consumer lender, cut 90 jobs in March. "
        "Its two co-founders joined Trevi in May.\n\n"
        "2. Trevi, the winner (for now)\n\nTrevi is the one startup in this group that has been hiring. It went from 200 "
        "people in January to more than 450 today.",
        {("Marlo", "layoffs", 90), ("Marlo", "departed_talent", 2), ("Trevi", "headcount", 200), ("Trevi", "headcount", 450)},
    ),
    (
        "roundup-label-with-country-in-brackets",
        "Quarterly review: fintech leads\n\nLargest rounds of the quarter\n\nDomira (Peru). The Lima-based home-loan platform "
        "raised a $40 million Series B in August.\n\nVelto (Chile). The Santiago card issuer closed $25 million of Series A equity.",
        {("Domira", "funding_raised", 40e6), ("Velto", "funding_raised", 25e6)},
    ),
    (
        "startup-acquirer-described-as-startup",
        "Cairo's Bazzo acquires Giza rival Noura\n\nB2B e-commerce startup Bazzo has acquired Noura, a smaller Giza rival, for "
        "an undisclosed sum. Noura's backers agreed to the sale to Bazzo last week.\n\nBazzo raised a $28 million Series B in 2025 at a valuation of $190 million, and it employs more than "
        "500 people.",
        {("Bazzo", "funding_raised", 28e6), ("Bazzo", "valuation", 190e6), ("Bazzo", "headcount", 500)},
    ),
    (
        "present-tense-raise-heading-in-digest",
        "startup-funding-this-week\n\n## Pendo Pay closes a $4 mn seed round\n\nNairobi-based Pendo Pay has closed a $4 mn "
        "seed round.\n\n## Quillo picks up $9M for payroll\n\nCape Town's Quillo, a payroll API for agencies, picked up $9M in "
        "a Series A.",
        {("Pendo Pay", "funding_raised", 4e6), ("Quillo", "funding_raised", 9e6)},
    ),
    (
        "capital-named-lender-started-as-marketplace",
        "Tembo Capital's founder on the next round\n\nTembo Capital started in 2020 as a freight marketplace and now lends to "
        "truck owners.\n\nThe Kampala-based startup raised a $15 million Series A last year.",
        {("Tembo Capital", "funding_raised", 15e6)},
    ),
    (
        "interview-speaker-label-and-you-raised",
        "'We cut before we had to': Solvi's Rui Costa on the downturn\n\nIn a conversation with DealDesk, Solvi co-founder Rui "
        "Costa spoke about costs.\n\n**DealDesk: Your rival Ambro let go of 120 people in May.**\n\n**Rui Costa:** I won't comment "
        "on that.\n\n**DealDesk: You raised $45 million in total. Are you raising again?**\n\n**Rui Costa:** Not right now.",
        {("Ambro", "layoffs", 120), ("Solvi", "funding_raised", 45e6)},
    ),
    (
        "paragraph-labelled-with-name-period",
        "What four startups spend\n\nI went through what founders have said on the record.\n\nBrindle. The voice startup was "
        "burning about $900k a month in March, its chief executive said.\n\nOrvo. The legal-research app runs leaner: it has "
        "raised $14M to date.",
        {("Brindle", "burn_rate", 9e5), ("Orvo", "funding_raised", 14e6)},
    ),
    (
        "appositive-name-then-raise-verb",
        "Weftly buys a rival\n\nWeftly, the coding assistant, is buying Arbo, a smaller startup. Research firm Gallup & Reed "
        "puts the market at $20 billion. One of Weftly's competitors, Stemly, picked up $55 million earlier this month.",
        {("Stemly", "funding_raised", 55e6)},
    ),
    (
        "numbered-bold-section-possessive-and-product-of-possessive",
        "Talent moves\n\n**1. Corvid Robotics' engineering bench thins out.** Six of the 14 engineers who built the first "
        "version of Corvid's picking robot have gone to a carmaker since January. Corvid has about 160 staff.",
        {("Corvid Robotics", "departed_talent", 6), ("Corvid Robotics", "headcount", 160)},
    ),
    (
        "regional-people-as-the-company-and-co-workers",
        "Munich drone maker Skarn collects 90 million euros\n\nThe Munich drone start-up Skarn has concluded a financing round "
        "of 90 million euros, led by the US-American investor Harbor Peak.\n\nThe Bavarians develop inspection drones. In the "
        "past business year the company achieved a turnover of 40 million euros. Currently Skarn employs more than 300 co-workers.",
        {("Skarn", "funding_raised", 90e6), ("Skarn", "revenue", 40e6), ("Skarn", "headcount", 300)},
    ),
    (
        "respectively-counts-sharing-one-noun-names-in-a-label",
        "Layoffs tracker: April\n\nEvery month we log the cuts we can confirm.\n\n**April 8: Nimbo and Pashto.** The two Bay "
        "Area companies cut 30 and 55 jobs, respectively, on the same day.\n\n**April 15: Drayo.** The Austin-based "
        "developer-tools company laid off 70 people.",
        {("Nimbo", "layoffs", 30), ("Pashto", "layoffs", 55), ("Drayo", "layoffs", 70)},
    ),
    (
        "joined-a-rival-described-after-comma",
        "Tallo sold at a discount\n\nTallo, a Paris HR start-up, was sold to a listed group. Its co-founder left in January to "
        "join Merly, the Amsterdam-based rival.\n\nMerly has pulled ahead since. The Dutch company raised $50m in March, and "
        "it has 380 employees.",
        {("Tallo", "departed_talent", 1), ("Merly", "funding_raised", 50e6), ("Merly", "headcount", 380)},
    ),
    (
        "round-valued-the-company-is-the-sentence-startup",
        "'We don't chase marks': Brisa's Ida Berg on Kollo and Vant\n\nBrisa Ventures led the Series A of Kollo.\n\nQ: Let's start "
        "with Kollo.\n\nA: Kollo raised $12 million from us in March, and the round valued the company at $60 million post-money.",
        {("Kollo", "funding_raised", 12e6), ("Kollo", "valuation", 60e6)},
    ),
    (
        "joined-startup-has-its-own-figures",
        "Why I left\n\nI spent four years at Plinth, the expense-card startup. Plinth raised $40 million in 2023.\n\n"
        "**What's next:** I've joined Sorrel as head of product. Sorrel is tiny by comparison and builds "
        "software for freelancers. It raised an $8 million seed round in the spring.",
        {("Plinth", "funding_raised", 40e6), ("Sorrel", "funding_raised", 8e6)},
    ),
    (
        "given-name-first-company-with-own-things",
        "China's AI labs: Wenhao Mind eyes Hong Kong IPO\n\nBeijing-based Wenhao Mind, one of the Chinese large-model "
        "developers, has filed for a Hong Kong listing.\n\nWenhao Mind's revenue reached $40 million in 2025, and the company had "
        "800 employees at the end of last year.",
        {("Wenhao Mind", "revenue", 40e6), ("Wenhao Mind", "headcount", 800)},
    ),
    (
        "roundup-list-labels-state-the-round",
        "The week's biggest rounds\n\nBig rounds kept coming this week. Here's the list.\n\n1. **Tarnly, $90M, payroll:** The "
        "Austin-based payroll platform raised a Series C led by a growth fund. Tarnly says it has 300 employees.\n\n"
        "2. **Voltrik, $42M, energy software:** The Boston company burns about $2 million a month, its CFO said.",
        {("Tarnly", "funding_raised", 90e6), ("Tarnly", "headcount", 300), ("Voltrik", "funding_raised", 42e6),
         ("Voltrik", "burn_rate", 2e6)},
    ),
    (
        "founder-blog-byline-person-is-no-company",
        "hard-news-from-us\n\n*Dana Whitfield is co-founder and CEO of Harlow. This post was shared with the team this "
        "morning.*\n\nThis morning I told our team that we are cutting 30 roles at Harlow. In 2024 we raised a $25M Series B.",
        {("Harlow", "layoffs", 30), ("Harlow", "funding_raised", 25e6)},
    ),
    (
        "which-clause-company-and-a-given-name-first",
        "Chip designers cluster in Bristol\n\nA few streets away, Carter Compute, which designs low-power inference chips, "
        "completed its purchase of the smaller startup Wren Systems last month. Carter, which has 200 employees, reported "
        "revenue of £12m for the year to March.",
        {("Carter Compute", "headcount", 200), ("Carter Compute", "revenue", 12e6)},
    ),
    (
        "rival-by-possessive-and-a-newly-placed-description",
        "Corvex AI buys smaller rival Lindo Labs\n\nCorvex AI, the San Francisco-based maker of a coding agent, has agreed to buy "
        "Lindo Labs.\n\nIt also sharpens the contest with Pyra Code, Corvex's closest competitor. The New York-based startup "
        "raised $35 million in January. It has about 100 employees.",
        {("Pyra Code", "funding_raised", 35e6), ("Pyra Code", "headcount", 100)},
    ),
    (
        "acquirer-that-raised-a-series-b-is-a-startup",
        "Izmir's Tavla Games acquires puzzle studio Bulmaca\n\nIzmir-based mobile game developer Tavla Games has acquired "
        "Bulmaca, an Ankara studio. Two sources put the price at roughly $20 million, paid mostly in Tavla shares.\n\nIt is "
        "the second acquisition for Tavla, which raised a $40 million Series B last year. The company says it now has more than "
        "250 people.",
        {("Tavla Games", "funding_raised", 40e6), ("Tavla Games", "headcount", 250)},
    ),
    (
        "translated-publisher-descriptor-and-ia-suffix",
        "While the Elysee multiplies announcements, French start-ups still raise abroad.\n\nIt is in this context that Aurore "
        "IA, the Parisian publisher of language models, announced Thursday a raising of funds of 200 million euros.\n\n"
        "Elsewhere, Nobody is shutting down loudly. Kalvo, an online pharmacy in Lyon, told us its revenue reached "
        "€6 million in 2025.",
        {("Aurore IA", "funding_raised", 200e6), ("Kalvo", "revenue", 6e6)},
    ),
    (
        "valuation-word-left-out-and-papers-put-in",
        "Kelo cuts its price\n\nKelo, a Pune payments startup, closed a $22M Series A at a $140M post-money in 2023. Its "
        "new round values Kelo at double the $300 million price put on it in January.\n\nKelo's CFO Neha Rao put in her "
        "papers last week.",
        {("Kelo", "funding_raised", 22e6), ("Kelo", "valuation", 140e6), ("Kelo", "valuation", 300e6),
         ("Kelo", "departed_talent", 1)},
    ),
    (
        "exit-of-its-founders-already-exited-engineering-leads",
        "Shahra trims its team\n\nShahra, a Cairo payments startup, raised $9 million in 2023. Last January it witnessed the "
        "exit of its two co-founders from the company. Two of its senior engineers had already exited in October.\n\n"
        "Talent keeps churning: three engineering leads at Shahra left for a bank this month.",
        {("Shahra", "funding_raised", 9e6), ("Shahra", "departed_talent", 2), ("Shahra", "departed_talent", 2),
         ("Shahra", "departed_talent", 3)},
    ),
    (
        "named-departure-taking-others-along",
        "Kavra loses its risk team\n\nKavra, a Lagos lending startup, raised $15 million in 2024.\n\nIdris Bello, Kavra's head "
        "of risk, left this month, along with two members of his team. Dr Ama Mensah, its chief scientist, quit in the summer "
        "to co-found a rival, taking four engineers with her.",
        {("Kavra", "funding_raised", 15e6), ("Kavra", "departed_talent", 3), ("Kavra", "departed_talent", 5)},
    ),
    (
        "digest-item-led-by-a-bold-name-with-a-based-descriptor",
        "MENA funding this week\n\n**Qarib**, UAE-based BNPL for clinics, raised $10M in a Series A.\n\n**Safra**, Saudi-based "
        "travel booking app, raised $4.5M in a seed round. The startup has 30 employees.",
        {("Qarib", "funding_raised", 10e6), ("Safra", "funding_raised", 4.5e6), ("Safra", "headcount", 30)},
    ),
    (
        "translated-place-then-name-after-of",
        "Fintech gaucha Tavaro captures R$ 90 millions\n\nThe fintech of Porto Alegre Tavaro, that offers credit to small "
        "shops, announced this Monday that it captured US$ 16 millions in a round series A.",
        {("Tavaro", "funding_raised", 16e6)},
    ),
    (
        "a-market-figure-out-of-proportion-is-no-burn",
        "Brevo's lean year\n\nBrevo, a Madrid legal-tech startup, raised $30 million in 2024. The startup has about 90 "
        "employees.\n\nLaw firms have been eager buyers of AI software. Global spending on legal services is estimated at "
        "roughly $1 trillion a year.",
        {("Brevo", "funding_raised", 30e6), ("Brevo", "headcount", 90)},
    ),
    (
        "honorific-surname-and-leave-the-company",
        "Hextra buys Nuvola\n\nNuvola, a Nantes cloud startup, raised 6 million euros since 2021. Its 38 employees will join "
        "Hextra. On the other hand, the two co-founders of Nuvola, Luc Morel and Ana Petit, leave the company to launch a new "
        "project.\n\nKumo, a Tokyo HR startup, raised $8 million in 2024. Its co-founder and CTO Mr. Tanaka also left the "
        "company last month.",
        {("Nuvola", "funding_raised", 6e6), ("Nuvola", "headcount", 38), ("Nuvola", "departed_talent", 2), ("Kumo", "funding_raised", 8e6),
         ("Kumo", "departed_talent", 1)},
    ),
    (
        "co-founder-after-with-in-a-who-clause",
        "Dar expands to Doha\n\nDar, a Riyadh rent-financing startup, raised $20 million in 2024. Salma Aziz founded the "
        "company in 2021 with Karim Nasser, who left Dar last year to start a construction-software company.",
        {("Dar", "funding_raised", 20e6), ("Dar", "departed_talent", 1)},
    ),
    (
        "valuation-up-to-is-sought-and-fetched-is-achieved",
        "Chaski drops its listing\n\nChaski, a Lima logistics startup, said it had dropped plans to list in Sao Paulo at a "
        "valuation of up to $500 million. Its new round is well below the $700 million post-money valuation it fetched "
        "in 2022.",
        {("Chaski", "valuation_target", 500e6), ("Chaski", "valuation", 700e6)},
    ),
    (
        "put-together-a-round-and-a-numbered-heading",
        "Fintech's big three raise again\n\nTallow closed a $300 million Series E at a $5 billion price tag. Brindlewood put "
        "together a $500 million round at a $15 billion valuation.\n\nBrindlewood, the consumer banking app, is a bigger "
        "beast. The company has about 1,500 employees.\n\nComebacks of the year\n\n2. Parvo\n\nHow it started: Laid off 40 "
        "employees in March.\nHow it's going: Raised $60 million in July.",
        {("Tallow", "funding_raised", 300e6), ("Tallow", "valuation", 5e9), ("Brindlewood", "funding_raised", 500e6),
         ("Brindlewood", "valuation", 15e9), ("Brindlewood", "headcount", 1500), ("Parvo", "layoffs", 40),
         ("Parvo", "funding_raised", 60e6)},
    ),
    (
        "one-person-two-titles-founder-and-chief-executive",
        "Tamarai trims\n\nTamarai, a Chennai edtech startup, raised $30 million in 2023. Its founder and chief executive "
        "resigned in January. Its CFO and its COO left in March.",
        {("Tamarai", "funding_raised", 30e6), ("Tamarai", "departed_talent", 1), ("Tamarai", "departed_talent", 2)},
    ),
    (
        "people-of-a-described-startup-leave",
        "Lagos startups lose people\n\nQuikra, a Lagos delivery startup, raised $10 million in 2024. Homely, a Lagos property "
        "portal startup, raised $6 million in 2023.\n\nIn March the three co-founders of the property portal Homely left to "
        "start a fund.",
        {("Quikra", "funding_raised", 10e6), ("Homely", "funding_raised", 6e6), ("Homely", "departed_talent", 3)},
    ),
    (
        "reported-income-is-no-investor-evidence",
        "Larkspur under scrutiny\n\nLarkspur has drawn scrutiny from regulators as it seeks a full banking licence.\n\n"
        "Larkspur reported income of $900 million for 2025, its accounts show. It now employs about 3,000 people worldwide."
        "\n\nSeparately, Quillo, a UK-based mobile network startup, raised $20 million.",
        {("Larkspur", "headcount", 3000), ("Quillo", "funding_raised", 20e6)},
    ),
    (
        "round-for-a-described-startup",
        "Europe's biggest rounds\n\nInvestors backed lenders and accounting software this month. The largest deals: a EUR 200m "
        "Series D for Berlin lender Kantor, a $150m Series C for Lyon accounting firm Balanza.",
        {("Kantor", "funding_raised", 200e6), ("Balanza", "funding_raised", 150e6)},
    ),
    (
        "priced-at-and-two-departures-told-apart",
        "Vantix cools\n\nVantix, a Seoul crypto exchange startup, raised $200 million in 2023, when investors priced it at "
        "$9 billion. Vantix's chief financial officer, Mina Cho, resigned in August, and two other senior executives left "
        "the company in September.",
        {("Vantix", "funding_raised", 200e6), ("Vantix", "valuation", 9e9), ("Vantix", "departed_talent", 1),
         ("Vantix", "departed_talent", 2)},
    ),
    (
        "part-out-of-a-base-let-go",
        "Vidyo cuts\n\nVidyo, a Pune edtech startup, raised $40 million in 2023. Its chief executive told staff that about "
        "8 per cent of the workforce, or 300 employees out of 3,800, would be let go.",
        {("Vidyo", "funding_raised", 40e6), ("Vidyo", "layoffs", 300), ("Vidyo", "headcount", 3800)},
    ),
]


CASES += [
    (
        "role-noun-lender-is-no-subject",
        "Brightdesk, a Manchester software startup, restated its sales.\n\nAccounts sent to auditors cut its revenue "
        "estimate. Lender Corvane Credit seized $12 million from the company's accounts after the figures came to "
        "light.\n\nThe company raised more than $80 million from investors.",
        {("Brightdesk", "funding_raised", 80e6)},
    ),
    (
        "appositive-still-the-startup",
        "Almeda Pay has closed a $30 million round.\n\nKorrowa, still the region's most valuable payments startup "
        "on paper, was valued at $2 billion when it raised a $150 million Series C in 2022.",
        {("Almeda Pay", "funding_raised", 30e6), ("Korrowa", "valuation", 2e9), ("Korrowa", "funding_raised", 150e6)},
    ),
    (
        "translated-respectively-elided-millions",
        "The Chilean fintech Pagora and the Peruvian Kuntur announced rounds of 6 and 3 millions of dollars, "
        "respectively.",
        {("Pagora", "funding_raised", 6e6), ("Kuntur", "funding_raised", 3e6)},
    ),
    (
        "translated-round-with-a-value-of",
        "Rimal Pay completes a financing round of 120 million dollars\n\nThe Saudi company Rimal Pay announced the "
        "completion of a financing round of the category B with a value of 120 million dollars, so that the value "
        "of the company exceeds 900 million dollars.\n\nAnd its competitor Nakhla, whose headquarters moved to "
        "Riyadh, had announced in May its obtaining 80 million dollars in a round, with a valuation that raised it "
        "to 1.1 billion dollars.",
        {("Rimal Pay", "funding_raised", 120e6), ("Rimal Pay", "valuation", 9e8),
         ("Nakhla", "funding_raised", 80e6), ("Nakhla", "valuation", 1.1e9)},
    ),
    (
        "acronym-for-common-words-is-no-company",
        "Weekly wrap: Griya Does PHK\n\nStartup proptech Griya did termination of work relation (PHK) towards 45 "
        "employees. The company said the step was needed to reach profitability. This is the second PHK for Griya "
        "this year. Its rivals have not cut staff. Sales in the sector fell in the second quarter.",
        {("Griya", "layoffs", 45)},
    ),
    (
        "gerund-opening-a-paragraph-is-no-company",
        "Carrowin, a Mexico City freight startup, raised $20 million in March.\n\nReshoring is the driver here: "
        "cross-border trade grew 9% last year.\n\nThe company has about 300 people on payroll.",
        {("Carrowin", "funding_raised", 20e6), ("Carrowin", "headcount", 300)},
    ),
    (
        "burn-answering-a-question-about-burn",
        "Q&A with Tolu Adeyemi, founder of Farmlink\n\nWhat is your burn now?\n\nAbout $200,000 a month. A "
        "year ago it was closer to $600,000 a month.",
        {("Farmlink", "burn_rate", 2e5), ("Farmlink", "burn_rate", 6e5)},
    ),
]

CASES += [
    (
        "capitalised-cue-word-is-a-name",
        "Corvix, a Lisbon security startup, took a $25 million Series B in May led by Target Global at a "
        "valuation of about $300 million.",
        {("Corvix", "funding_raised", 25e6), ("Corvix", "valuation", 3e8)},
    ),
    (
        "first-person-wish-is-sought",
        "Farmlink, a Lagos agritech, has 40 staff. When we raise the Series A, I'd like to do it at about a $50 "
        "million valuation, its founder said.",
        {("Farmlink", "headcount", 40), ("Farmlink", "valuation_target", 5e7)},
    ),
    (
        "talking-to-investors-is-sought",
        "Edulo, a Delhi edtech, said it was talking to a few investors about a round at a valuation of around "
        "$200 million.",
        {("Edulo", "valuation_target", 2e8)},
    ),
    (
        "translated-deal-valued-the-startup-in",
        "Colmeia, a Brazilian agritech, closed a new round this week. According to a person close to the "
        "negotiation, the deal valued the startup in about US$ 90 millions.",
        {("Colmeia", "valuation", 9e7)},
    ),
    (
        "pre-money-said-after-the-figure",
        "The round would value Taskly, a Pune payroll startup, at about $700 million before the new money comes in.",
        set(),
    ),
    (
        "going-back-to-big-tech-is-a-departure",
        "Parlo, a chatbot startup, raised $80 million in 2023. Its two co-founders are going back to Bigco, and "
        "about 20 researchers are going with them to Bigco's lab.",
        {("Parlo", "funding_raised", 8e7), ("Parlo", "departed_talent", 2), ("Parlo", "departed_talent", 20)},
    ),
]

CASES += [
    (
        "share-from-its-base",
        "Tokko, a Jakarta grocery startup, laid off around 20% from its 250 employees in May.",
        {("Tokko", "headcount", 250), ("Tokko", "layoffs", 50)},
    ),
    (
        "share-of-a-bare-base",
        "Tokko, a Jakarta grocery startup, laid off about 10% of 800 personnel in May.",
        {("Tokko", "headcount", 800), ("Tokko", "layoffs", 80)},
    ),
    (
        "translated-dispensed-people",
        "Tokko, a Quito grocery startup, dispensed 35 people in May to reduce its costs.",
        {("Tokko", "layoffs", 35)},
    ),
]

CASES += [
    (
        "a-quarter-of-a-billion",
        "Cambio, a Lima crypto exchange, landed a quarter of a billion dollars in its Series C.",
        {("Cambio", "funding_raised", 2.5e8)},
    ),
    (
        "investor-raising-its-own-funds",
        "Tarsio, a Pune lending startup, raised $60 million. Harbor Catalyst, which raised about $4 billion for "
        "its newest set of funds last year, led the round.",
        {("Tarsio", "funding_raised", 6e7)},
    ),
    (
        "equity-and-debt-total-is-no-funding",
        "Voltaic, a Swedish battery startup, said it had cut 800 jobs. The company, which has raised more than "
        "$9 billion in equity and debt, blamed weak demand.",
        {("Voltaic", "layoffs", 800)},
    ),
    (
        "country-support-package-is-no-funding",
        "Nilepay, a Cairo payments startup, raised $12 million in May. Egypt secured an expanded $5 billion support "
        "package from the IMF in March.",
        {("Nilepay", "funding_raised", 12e6)},
    ),
    (
        "sector-these-captured",
        "Pagora, a Bogota fintech, raised $8 million. The country counts around 300 fintech companies, and these "
        "captured more than 400 millions of dollars of venture capital in 2024.",
        {("Pagora", "funding_raised", 8e6)},
    ),
]

CASES += [
    (
        "a-year-modifying-a-team-is-no-count",
        "Kiotra, a Hanoi retail startup, raised $9 million in 2021. Besides its CFO, three of the six executives on "
        "the company's 2023 leadership team left last year.",
        {("Kiotra", "funding_raised", 9e6), ("Kiotra", "departed_talent", 3)},
    ),
]

CASES += [
    (
        "one-of-the-founders-is-the-named-person",
        "Vantor, an AI startup, is hiring. Ola Berg, one of the engineers who started Vantor with its chief "
        "executive in 2023, has left the company to set up a fund.",
        {("Vantor", "departed_talent", 1)},
    ),
]

CASES += [
    (
        "poached-role-with-no-owner-word",
        "Tintero, a Lima payments startup, raised $30 million. Last year Bigco poached CTO Ana Quispe.",
        {("Tintero", "funding_raised", 3e7), ("Tintero", "departed_talent", 1)},
    ),
]

CASES += [
    (
        "hyphenated-fraction-of-a-workforce",
        "Rumo, a Jakarta proptech, has 250 employees. In May it cut one-fifth of its workforce.",
        {("Rumo", "headcount", 250), ("Rumo", "layoffs", 50)},
    ),
]

CASES += [
    (
        "money-into-a-long-sector-phrase",
        "Tallybox, a New York expense-software startup, raised $20 million. Venture investors put roughly $3 billion "
        "into U.S. spend-management and corporate-card startups in 2021, according to one tally.",
        {("Tallybox", "funding_raised", 2e7)},
    ),
    (
        "money-into-a-tech-sector",
        "Skyward, a Lisbon drone startup, raised EUR 30 million.\n\nInvestors poured EUR 4bn into European defence "
        "tech last year, by one count.",
        {("Skyward", "funding_raised", 3e7)},
    ),
]

CASES += [
    (
        "burn-come-down-to-later-in-the-sentence",
        "Pagador, a Quito fintech, is cutting costs. Its monthly cash burn, which hit roughly $6 million in mid-2022, "
        "has come down to about $3 million, its chief executive says.",
        {("Pagador", "burn_rate", 6e6), ("Pagador", "burn_rate", 3e6)},
    ),
    (
        "that-figure-restates-the-burn-before",
        "Pagador, a Quito fintech, burned $6 million a month in 2022. That figure is now about $3 million a month, "
        "its chief executive said. Rivetto, a Turin fintech, burned $2m a month last year. Today it's closer to $1.1m.",
        {("Pagador", "burn_rate", 6e6), ("Pagador", "burn_rate", 3e6), ("Rivetto", "burn_rate", 2e6),
         ("Rivetto", "burn_rate", 1.1e6)},
    ),
]

CASES += [
    (
        "role-only-departure-opening-a-sentence",
        "Korvel, a Berlin AI startup, raised $40 million in May. Its finance chief stepped down in March. The "
        "company's head of sales quit in April.",
        {("Korvel", "funding_raised", 4e7), ("Korvel", "departed_talent", 1), ("Korvel", "departed_talent", 1)},
    ),
    (
        "named-founders-hired-along-with-a-team",
        "Korvel, a Berlin AI startup, raised $40 million in May. Bigco has hired Korvel's co-founders, Jonas Pohl "
        "and Lena Vogt, along with about 20 of its researchers.",
        {("Korvel", "funding_raised", 4e7), ("Korvel", "departed_talent", 2), ("Korvel", "departed_talent", 20)},
    ),
]

CASES += [
    (
        "staff-named-then-no-jobs-cut",
        "Korvel, a Berlin AI startup, raised $40 million in May 2024. The startup, which employs 75 people, said no "
        "jobs would be cut.",
        {("Korvel", "funding_raised", 4e7), ("Korvel", "headcount", 75)},
    ),
]

CASES += [
    (
        "change-from-keeps-its-kind-before-a-round-word",
        "Korvel, a Berlin AI startup, raised $40 million in May 2024. Korvel's valuation dropped to $300 million "
        "from $1 billion in a down round.",
        {("Korvel", "funding_raised", 4e7), ("Korvel", "valuation", 3e8), ("Korvel", "valuation", 1e9)},
    ),
]

CASES += [
    (
        "rival-after-a-preposition-raising",
        "Korvel, a Berlin AI startup, is growing. Korvel's $22m raise comes months after rival Zentro closed $40m.",
        {("Korvel", "funding_raised", 22e6), ("Zentro", "funding_raised", 40e6)},
    ),
]


CASES += [
    (
        "outlet-reports-the-startup",
        "Cases like Verdalo, a forecasting software startup backed by Northgate, are common. Tech Ledger reports the "
        "startup was valued at roughly $400 million. The company has let go of about 45 people.",
        {("Verdalo", "valuation", 4e8), ("Verdalo", "layoffs", 45)},
    ),
    (
        "preparing-to-go-public-at-a-valuation",
        "In 2022, Sofabird, the London furniture startup, was preparing to go public at a £640 million valuation.",
        {("Sofabird", "valuation_target", 6.4e8)},
    ),
    (
        "cohort-of-companies-that-raised",
        "Quentra, a recruiting firm, looked at 250 European companies founded after 2012 that have raised $40m or more.",
        set(),
    ),
    (
        "reworded-copy-hedges",
        "Plumtree laid off greater than 400 staff in May. Cartwell additionally laid off near 250 contractual staff.",
        {("Plumtree", "layoffs", 400), ("Cartwell", "layoffs", 250)},
    ),
    (
        "comma-between-described-subject-and-verb",
        "Ride-hailing startup Tamba raised $30 million in March.\n\n"
        "Checkout software provider for small shops Kiranet, laid off nearly 30 per cent of its workforce, or around 70 employees.",
        {("Tamba", "funding_raised", 3e7), ("Kiranet", "layoffs", 70)},
    ),
    (
        "asked-to-leave-from-offices",
        "Loanwise, a US-based digital mortgage startup, asked more than 1,200 employees from its Texas and Pune offices "
        "to leave their positions. That was roughly a third of its employee base of over 3,600.",
        {("Loanwise", "layoffs", 1200), ("Loanwise", "headcount", 3600)},
    ),
    (
        "leaving-workers-out-of-job",
        "Quick-delivery startup Dashly has shut its grocery arm, leaving 900 contract workers out of job.",
        {("Dashly", "layoffs", 900)},
    ),
]


CASES += [
    (
        "newsletter-flags-after-names",
        "Andes Weekly #12 - Pagora 🇵🇪 lands $7M\n\nSubscribe to Andes Weekly for more.\n\n## Funding\n\n"
        "Tecla 🇨🇴 raised a $3 Million Seed round led by Orilla Partners 🇺🇸 and Brisa Ventures 🇺🇸.\n\n"
        "Pagora 🇵🇪 raised a $7 Million Series A led by Cumbre Capital 🇺🇸, at a $60 Million post-money valuation.",
        {("Tecla", "funding_raised", 3e6), ("Pagora", "funding_raised", 7e6), ("Pagora", "valuation", 6e7)},
    ),
]


CASES += [
    (
        "the-outlet-in-byline-and-newsroom-lines",
        "Kenyan lender Tujenge trims staff\nBy Amani Otieno, Daybreak\n\nTujenge, the Nairobi-based credit startup, "
        "has let go of staff. Two employees told Daybreak that more than 35 employees were let go. Daybreak "
        "has asked the company for comment. In May, the Nairobi firm raised $40 million.",
        {("Tujenge", "layoffs", 35), ("Tujenge", "funding_raised", 4e7)},
    ),
]


CASES += [
    (
        "a-newsletter-named-as-source",
        "Below we look at Mbali, a Durban digital bank. Last week, reports emerged that Mbali is raising $30 million. "
        "According to the Southern Africa Fintech Letter, the new money would come in at a valuation of about $300 million.",
        {("Mbali", "valuation_target", 3e8)},
    ),
    (
        "newsletter-section-heading-and-a-funds-tickets",
        "# Fintech Week Sahel (03/02)\n\n💸 Fundraise and Exits\n\n"
        "- Bamako-based lender Sahel Lend raised $6 million in a Series A led by Niger River Partners.\n\n"
        "💰 Venture Funds\n\n- Baobab Fund III reached a final close of $45 million and will write cheques of "
        "$200,000 to $1.5 million into West African fintechs.",
        {("Sahel Lend", "funding_raised", 6e6)},
    ),
]


CASES += [
    (
        "where-founders-went-is-no-startup",
        "Veltra co-founder Ines Moreau leaves for Orchard\n\nInes Moreau, who co-founded the Lyon-based speech AI company "
        "Veltra, has been recruited by Orchard to run a new unit. Orchard's hardware chief said more people would follow. "
        "Orchard is no stranger to the company. Its venture arm took part in Veltra's €150M Series B, a round that valued "
        "the young startup at €900M. The company had pulled in a further €20M before that. Orchard declined to comment.",
        {("Veltra", "departed_talent", 1), ("Veltra", "funding_raised", 1.5e8), ("Veltra", "valuation", 9e8),
         ("Veltra", "funding_raised", 2e7)},
    ),
    (
        "now-valued-at-in-a-sentence-with-a-bid",
        "Ravelin, a London insurtech, had a boardroom fight in 2017. Its technology chief Dov Kern walked out of Ravelin "
        "after his bid for control failed, and went on to found Tallykit, the accounting app now valued at £1.4bn.",
        {("Ravelin", "departed_talent", 1), ("Tallykit", "valuation", 1.4e9)},
    ),
]


CASES += [
    (
        "both-its-co-founders",
        "Grocery app Bazzo lost both its co-founders, Ravi Menon and Tara Shah, last month.",
        {("Bazzo", "departed_talent", 2)},
    ),
]


CASES += [
    (
        "senior-figures-quit-and-exits-of-a-named-startups-founders",
        "Marlow Pay, the London fintech, is struggling. Five senior figures have quit the firm this year.\n\n"
        "Before that, the exits of Homewise's three co-founders made headlines at the Leeds rental startup.",
        {("Marlow Pay", "departed_talent", 5), ("Homewise", "departed_talent", 3)},
    ),
]


# A denial later in the sentence about something else does not undo a departure; one about the departure does.
# A leaving verb after "saw"/"has seen" + names, or a participle after them; "medical leave" is no departure.
CASES += [
    (
        "departure-then-an-unrelated-rejection",
        "Quillpath, the Lisbon payroll startup, said its chief executive Rui Tavares resigned on Monday, a week after "
        "its board rejected a takeover approach from a rival. Another startup, Ferrow, denied reports that its "
        "finance chief Ana Kell had quit. Reports that Dovecraft co-founder Iris Lam had resigned are untrue, "
        "Dovecraft said.",
        {("Quillpath", "departed_talent", 1)},
    ),
    (
        "seen-make-way-and-names-moving-to",
        "Orlu, a Lagos savings startup, is changing hands at the top: the shake-up has seen founder and chief "
        "executive Chidi Okafor make way for a former banker.\n\nSeparately, Tamborin, the Barcelona accounting "
        "startup, has a quiet week ahead that sees co-founders Marta Vidal and Pau Serra moving to Adyen. Tamborin's "
        "chief product officer, Lea Moss, is on medical leave until the summer.",
        {("Orlu", "departed_talent", 1), ("Tamborin", "departed_talent", 2)},
    ),
    (
        "raise-sought-for-next-year-is-a-target",
        "Fennick, the Dublin insurance startup, was hoping to raise again at a $900 million valuation early next year.",
        {("Fennick", "valuation_target", 900e6)},
    ),
]

# Business-press features: a name made a startup by "the payments processor", "took $35m", "is not the only
# company"; another organisation's own cut opening its clause; a share written "one in every five"; money
# sought from investors "about putting" it in; an investor's assets "that manages $4bn"; a growth told with a
# long aside between its ends.
CASES += [
    (
        "processor-appositive-and-a-banks-own-cut",
        "Since January, the lending startup Corvina dismissed 120 staff. Pellucid, the payments processor that was "
        "valued at $7 billion in 2021, is eliminating more than 300 roles.",
        {("Corvina", "layoffs", 120), ("Pellucid", "valuation", 7e9), ("Pellucid", "layoffs", 300)},
    ),
    (
        "one-in-every-n-is-a-share",
        "Brisk Lend, a buy-now-pay-later startup, and the car-loan marketplace Autovia are letting go of one in "
        "every four of their workers.",
        set(),
    ),
    (
        "took-money-sought-from-investors-and-an-investors-assets",
        "Sentinel Orbit, whose cameras ride on small satellites, has sounded out investors in Paris, Tokyo and "
        "Dubai about putting roughly €50m into the business. In 2023 Sentinel Orbit took $20m in a round led by "
        "Greyfin Capital, the Oslo investor that manages about $3bn. Sentinel Orbit is not the only company "
        "chasing the market.",
        {("Sentinel Orbit", "funding_raised", 20e6)},
    ),
    (
        "growth-with-a-long-aside-between-its-ends",
        "Tidewell, the Bristol flood-data startup, has grown from 18 staff at the time of its first round in 2022 "
        "to about 95 people today.",
        {("Tidewell", "headcount", 18), ("Tidewell", "headcount", 95)},
    ),
]

# A newsletter column: the writer's "our" is no company speaking; a raise told in a relative clause before
# "told us it expects to ... 2026" is dated by its own clause, not dropped as a projection.
CASES += [
    (
        "writers-our-and-a-raise-before-a-forecast",
        "Morning Ledger: who is growing?\n\nVelaris is one of them. What caught our eye was the data Velaris "
        "shared with its news: the company said it crossed $11 million in annual recurring revenue in June.\n\n"
        "Tessaly, which raised $25 million at a $200 million valuation in the spring, told us it expects to finish "
        "2027 with $30 million in ARR.",
        {("Velaris", "revenue", 11e6), ("Tessaly", "funding_raised", 25e6), ("Tessaly", "valuation", 200e6)},
    ),
]

# A layoff told in the passive with a word that can also deny ("have been dismissed"), or as staff "told their
# jobs were gone"; a "valued it at" followed by ", and at its peak the following year it had 120 employees".
CASES += [
    (
        "passive-dismissed-and-told-their-jobs-were-gone",
        "Kornfeld, the Leipzig logistics startup, has cut back: around 60 employees have been dismissed for "
        "operational reasons, its founder said.\n\nAnother startup, Spindle Health, went bust in May, and its "
        "last 28 employees were told their jobs were gone.",
        {("Kornfeld", "layoffs", 60), ("Spindle Health", "layoffs", 28)},
    ),
    (
        "the-following-year-after-a-named-year",
        "Quillon, the Tel Aviv insurtech, raised $30 million in 2021 in a round that valued it at $180 million, "
        "and at its peak the following year it had 90 employees.",
        {("Quillon", "funding_raised", 30e6), ("Quillon", "valuation", 180e6), ("Quillon", "headcount", 90)},
    ),
]

# A feature about startups losing staff to a big company: "Big Tech" is no name; a startup named just after a
# sentence ending in a role ("... its chief technology officer. Tamu Fresh lost ...") is no person; "lost nine
# engineers to" marks a startup; a founder who "had left a comfortable post with a cloud company" left an
# earlier job; "the third senior executive to leave" counts three; "saw X move to Bigco" is a departure.
CASES += [
    (
        "talent-drain-feature",
        "Accra start-ups caught in Big Tech's hunt for engineers\n\nWhen Lorrimo opened in Accra in 2020, its "
        "co-founder, Kojo Mensah, had left a comfortable engineering post with a cloud company in Dublin to come "
        "home. Lorrimo lost seven engineers to Cloudhaven last year, Mensah said. \"We cannot match the pay,\" said "
        "Ama Boateng, the chief technology officer of another startup. Tamu Fresh lost four people to the US group "
        "last year, she said.\n\nA third start-up, payments processor Paykwik, saw its head of engineering, Efua "
        "Owusu, move to Cloudhaven in March.",
        {("Lorrimo", "departed_talent", 7), ("Tamu Fresh", "departed_talent", 4), ("Paykwik", "departed_talent", 1)},
    ),
    (
        "the-third-executive-to-leave",
        "Sewa Homes, the Jakarta proptech startup, said its chief operating officer, Dewi Lestari, resigned on "
        "Monday, the third senior executive to leave the company this year.",
        {("Sewa Homes", "departed_talent", 3)},
    ),
]

# Emerging-market business press: "skincare brand X", "ended the employment of", "trimming its workforce to",
# "billed about $6 million", and "both permanent staff and contract workers" (no count of two).
CASES += [
    (
        "brand-ended-employment-trimming-billed-both",
        "Homegrown haircare brand Glowra is said to be talking to funds about a round that would value it at "
        "$300 million.\n\nThe Jakarta rental startup Kosku ended the employment of about 140 staff in March, "
        "trimming its workforce to roughly 600. The cuts hit both permanent staff and contract workers.\n\n"
        "Another startup, Belajar, billed about $4 million in 2024.",
        {("Glowra", "valuation_target", 300e6), ("Kosku", "layoffs", 140), ("Kosku", "headcount", 600),
         ("Belajar", "revenue", 4e6)},
    ),
]

# A numbered weekly list: a big company's quarterly results and "its market value" belong to nobody here; a
# sector before "startup" and the name ("Legal AI startup Briefwerk") is no name of its own.
CASES += [
    (
        "numbered-weekly-list",
        "7 stories you should not miss this week\n\n1. Gigachip reported quarterly revenue of $52.3 billion, ahead of "
        "forecasts. Its market value briefly topped $4 trillion on Thursday.\n\n2. Legal AI startup Briefwerk laid "
        "off 40 people on Tuesday. The company had 190 employees before the cuts.\n\n3. Tallowby, which sells "
        "software to bakeries, has raised a $12 million Series A.",
        {("Briefwerk", "layoffs", 40), ("Briefwerk", "headcount", 190), ("Tallowby", "funding_raised", 12e6)},
    ),
]

# A monthly deal digest: a lender named "... Credit" whose round and total sit in one sentence does not make
# another startup's round (equal to their sum) a mixed equity-and-debt total; a bare share restated as people
# ("let go of 30%, or 240 people"); a share someone denied; "saw both of its co-founders step down".
CASES += [
    (
        "digest-credit-name-share-restated-step-down",
        "The largest disclosed round went to Nigerian payments company Paylark, which raised $35 million.\n\n"
        "Kenya's Shamba Credit raised $10 million in a Series A; the Nairobi-based lender said the round brings its "
        "total funding to $25 million.\n\nDukaly, the Kenyan rural e-commerce company, has let go of 25%, or 180 "
        "people, from its workforce. Staff had heard of a cut of around 40%, or some 300 people, but the company "
        "denied this number.\n\nSingapore's wealthtech platform Vestly saw both of its remaining co-founders step "
        "down this week.",
        # ("Shamba Credit" is keyed "Shamba": a trailing "Credit" is a business word of the name, extract.names)
        {("Paylark", "funding_raised", 35e6), ("Shamba", "funding_raised", 10e6),
         ("Shamba", "funding_raised", 25e6), ("Dukaly", "layoffs", 180), ("Vestly", "departed_talent", 2)},
    ),
]

# An Indian layoff round-up: "A, B, C and D each laid off more than 100 employees" is a row for each; "the
# e-commerce giant" is a big company, not the startup in focus; "cofounder" written without its hyphen.
CASES += [
    (
        "each-laid-off-giant-cofounder",
        "Foodtech unicorn Tiffinly laid off 250 employees in a restructuring. Additionally, Rydo, Medora, Bazaarly "
        "and Kiranaa each laid off more than 80 employees.\n\nOne of the 11 companies was the e-commerce player "
        "Shopkart. The e-commerce giant decided to let go of around 900 employees.\n\nPayvolt cofounder and CTO "
        "Ravi Menon resigned in March.",
        {("Tiffinly", "layoffs", 250), ("Rydo", "layoffs", 80), ("Medora", "layoffs", 80), ("Bazaarly", "layoffs", 80),
         ("Kiranaa", "layoffs", 80), ("Payvolt", "departed_talent", 1)},
    ),
]

# "Per Ledgerpost, the startup has ... and raised $3 million": the outlet cited is no startup, "the startup" is
# the one the story is about.
CASES += [
    (
        "per-outlet-the-startup",
        "Kobofund, the Lagos savings app, has laid off six people, the company said. Founded in 2018, Kobofund now "
        "employs 45 people. Per Ledgerpost, the startup has over 150,000 users and raised a $2 million seed round "
        "in 2021.",
        {("Kobofund", "layoffs", 6), ("Kobofund", "headcount", 45), ("Kobofund", "funding_raised", 2e6)},
    ),
]

# A copy translated from Spanish: "N employees were dismissed from Bigsoft" is Bigsoft's; "A and B announced
# around 160 layoffs each", "the Mexican platform A and the Argentine B eliminated at least 80 jobs each": a row each.
CASES += [
    (
        "translated-layoffs-each-and-dismissed-from",
        "Comprando, a marketplace of ecommerce through social networks, dispensed with more than 210 people, while "
        "about 150 employees were dismissed from Softlar, a company of e-commerce software listed on the stock "
        "market.\n\nIn addition, Casalinda and Mudanza announced around 120 layoffs each.\n\nIn the field of "
        "cryptocurrencies, the Mexican platform Criptex and the Argentine Monedal eliminated at least 60 jobs each.",
        {("Comprando", "layoffs", 210), ("Softlar", "layoffs", 150), ("Casalinda", "layoffs", 120),
         ("Mudanza", "layoffs", 120), ("Criptex", "layoffs", 60), ("Monedal", "layoffs", 60)},
    ),
]

# Wire and trade-press departures: "X, its vice president, said he would leave", "plans to retire from the
# role", "gave up day-to-day operations", "nine senior engineers moved across to Bigco", "told colleagues he was
# leaving, the fifth senior exit since January", "jumped from the ship"; "retired from Bigco in 2023" left Bigco.
CASES += [
    (
        "wire-departures-retire-day-to-day-fifth-exit",
        "Forkly's vice president of logistics, Ben Adeyemi, said he would leave at the end of the month.\n\n"
        "Tessaro, the London freight startup, said its chief executive, Greg Alden, plans to retire from the role "
        "in December.\n\nCamille Rousset, who co-founded the Paris AI startup Orelia, gave up day-to-day "
        "operations in June.\n\nLumenfield, the Madrid AI startup, said nine senior engineers moved across to "
        "a new Oracle unit.\n\nThis week Tijora's chief information security officer, Arun Bhalla, told colleagues "
        "he was leaving, the fifth senior exit since January.\n\nAt Ridgeway Health, a health startup, two other "
        "high-ranking executives jumped from the ship in May. Its adviser Tom Jones retired from Google in 2023.",
        {("Forkly", "departed_talent", 1), ("Tessaro", "departed_talent", 1), ("Orelia", "departed_talent", 1),
         ("Lumenfield", "departed_talent", 9), ("Tijora", "departed_talent", 5), ("Ridgeway Health", "departed_talent", 2)},
    ),
]

# Valuations with less common words: "the $2.4 billion it was given in May" and "was priced at" (reached);
# "could be valued at", "would put a value of ... on the company", "was chasing a $1.8bn valuation" (sought);
# "scooped up $280 million" (raised); "chase invoices" is no chase of a valuation.
CASES += [
    (
        "given-priced-could-be-valued-chasing-scooped",
        "Vantora, a drone startup, is raising at a lower price than the $1.9 billion it was given in May.\n\n"
        "Fieldwise, the agritech startup, could be valued at about $800 million in the new round.\n\nKeybright, "
        "another payments company, was priced at $1.7 billion in its latest round.\n\nIn February, Coralline, a "
        "startup, scooped up $150 million in a Series C.\n\nHalmont, a startup, is raising. The round would put a "
        "value of around $310 million on the company.\n\nPayvista, a startup, was chasing a $1.1bn valuation.\n\n"
        "Ledgero, a startup that lets firms chase invoices, announced a $5 million Series A at a post-money "
        "valuation of $30 million.",
        {("Vantora", "valuation", 1.9e9), ("Fieldwise", "valuation_target", 8e8), ("Keybright", "valuation", 1.7e9),
         ("Coralline", "funding_raised", 1.5e8), ("Halmont", "valuation_target", 3.1e8), ("Payvista", "valuation_target", 1.1e9),
         ("Ledgero", "funding_raised", 5e6), ("Ledgero", "valuation", 3e7)},
    ),
]

# Layoff copy from many regions: "around 140 employees must leave the company" (jobs cut, not talent lost);
# "only 40 employees were left" (the staff that remain); a label of ordinary words ("Startup Layoffs:").
CASES += [
    (
        "must-leave-were-left-label",
        "Startup Layoffs: Krishiq, a Pune-headquartered farm-inputs platform, has laid off 90 people.\n\n"
        "Steuerwerk, the Munich tax startup, said around 140 employees must leave the company.\n\nGenomi, a "
        "biotech startup, is shutting down. Only 30 employees were left when the wind-down began.",
        {("Krishiq", "layoffs", 90), ("Steuerwerk", "layoffs", 140), ("Genomi", "headcount", 30)},
    ),
]

# Copies translated from German: "has given notice to more than 100 employees"; "bringing its headcount down
# from 1,400 to 1,250"; "only last summer X could collect 180 million dollars from investors" (it did).
CASES += [
    (
        "translated-german-notice-headcount-down-could-collect",
        "Wohnwerk, a Berlin proptech startup, has given notice to more than 80 employees.\n\nLernhaus, the Vienna "
        "tutoring startup, has cut 120 jobs, bringing its headcount down from 1,100 to 980.\n\nOnly last summer "
        "Schulwerk, the edtech startup, could collect 150 million dollars from investors.",
        {("Wohnwerk", "layoffs", 80), ("Lernhaus", "layoffs", 120), ("Lernhaus", "headcount", 1100),
         ("Lernhaus", "headcount", 980), ("Schulwerk", "funding_raised", 150e6)},
    ),
]

# "Founder Jane Roe and nine senior colleagues moved across to a new Bigco unit": ten people left the startup,
# not Bigco's people.
CASES += [
    (
        "named-and-colleagues-moved-across",
        "Lumaris, the Madrid AI startup, is shrinking.\n\nFounder Petra Villalba and nine senior colleagues moved "
        "across to a new Oracle applied-AI unit.",
        {("Lumaris", "departed_talent", 10)},
    ),
]

# "11 of the company's 18 vice-presidents walked out" (a base after "the company's"); "follows the exit of its
# chief operating officer" (a role with no name leaves).
CASES += [
    (
        "of-the-companys-base-and-exit-of-a-role",
        "Tijora, the Bengaluru payments startup, saw its churn peak last year, when 11 of the company's 18 "
        "vice-presidents walked out.\n\nMkonga, a Kenyan e-commerce startup, cut staff again this month; the cuts "
        "follow the exit of its chief operating officer in September.",
        {("Tijora", "departed_talent", 11), ("Mkonga", "departed_talent", 1)},
    ),
]

# A talent deal told from the hirer's side: "Bigco is hiring more than 20 Acme researchers" (Acme's people
# leave); "hired 40 former Acme staff" stays a hire (they may have left long before).
CASES += [
    (
        "hiring-the-startups-researchers",
        "Bigmind is hiring more than 25 Retrieva researchers and licensing the startup's technology, a person "
        "familiar with the matter said.\n\nSeparately, Ovrin, a Dublin startup, said it had hired 40 former "
        "Fernleaf staff.",
        {("Retrieva", "departed_talent", 25)},
    ),
]

# Figures about funding in general after a startup's story: "Funding fell by 60 per cent in the quarter to
# $2.4bn", "Total funding in the month's final week came to $860m", "Fresh fundraising this year may not cross
# $9bn, against $30bn in 2021": no startup's raise.
CASES += [
    (
        "funding-in-general-after-a-startups-raise",
        "Ridelo, the Jakarta ride-hailing startup, raised $40 million last week.\n\nFunding fell by about 50 per "
        "cent in the July-September quarter to $1.9 billion, according to a data tracker. Total funding in the "
        "month's final week came to $610 million. Fresh fundraising this year may not cross $7 billion, against "
        "$21 billion in 2021.",
        {("Ridelo", "funding_raised", 40e6)},
    ),
]

# Money that is no startup's raise: a fund's size ("closed its $120 million debut fund"), an investor's cheque
# "into Acme's 2024 round", a country's companies together ("the country's technology companies drew ..."),
# a weekly average ("the weekly average funding ... stands at").
CASES += [
    (
        "fund-size-ticket-country-average",
        "Zamora Freight, the Nairobi logistics startup, raised $9 million in a Series A led by Kili Growth Partners, "
        "which closed its $140 million debut fund last year. Amos Reed of Kestrel Ventures, which put $30 million "
        "into Zamora Freight's 2024 round, joined the board.\n\nIn the first half of 2026 the country's technology "
        "companies drew more than $260 million from investors. Overall, the weekly average funding in the last "
        "eight weeks stands at around $210 million.",
        {("Zamora Freight", "funding_raised", 9e6)},
    ),
]

# Money that is no valuation of the company: the definition of a unicorn ("as the companies valued in more than
# US$ 1 billion are called"), the value of transfers on a platform, and a reported raise the company says did
# not happen ("said it had held no such talks").
CASES += [
    (
        "unicorn-definition-transfer-value-no-such-talks",
        "Founded in 2019, Cartolina became a unicorn, as the companies valued in more than US$ 1 billion are "
        "called, in less than three years.\n\nRemitly Pay, the London remittance startup, said the value of "
        "transfers on its platform passed $2 billion in a single month.\n\nPune-based healthtech Medora, which "
        "was reported last month to be raising at a $900 million valuation, said it had held no such talks.",
        set(),
    ),
]

# The story's startup told only through its troubles: "Acme loses its security chief", "the drain of senior
# people from Acme", "Acme's own investor letters": evidence for a startup, not against; a rival named at the end
# takes nothing.
CASES += [
    (
        "startup-known-by-its-troubles",
        "Paykori loses its security chief in the fourth senior exit since January\n\nThe drain of senior people "
        "from Paykori shows no sign of easing. Paykori's own investor letters had warned of slowing sign-ups. It "
        "raised $90 million in a Series C in 2024 and has roughly 1,200 people on its payroll.\n\nThe timing is "
        "made stranger by events at rival Cashflo, which is reported to be close to losing its own chief "
        "technology officer. Cashflo has not commented.",
        {("Paykori", "departed_talent", 4), ("Paykori", "funding_raised", 90e6), ("Paykori", "headcount", 1200)},
    ),
]

# A blog's bare nouns and a round-up's headline: "Startup spends a small fortune ..." names no startup called
# Startup; "three Bengaluru-linked startups shed staff" counts companies, not people.
CASES += [
    (
        "bare-startup-noun-and-count-of-companies",
        "Edtech cuts deepen as three Bengaluru-linked startups shed staff\n\nSenior churn at Streamly keeps "
        "growing. Startup spends a small fortune recruiting big names. Streamly raised $60M in its Series B and "
        "went from 70 people to more than 250.",
        {("Streamly", "funding_raised", 60e6), ("Streamly", "headcount", 70), ("Streamly", "headcount", 250)},
    ),
]

# "Acme, the Berlin e-bike subscription outfit," names the story's startup; "Bigfund is expected to put in $90
# million of the fresh capital" marks an investor, so "the Pune-based firm last raised ..." is not Bigfund's.
CASES += [
    (
        "outfit-and-investor-putting-in",
        "Pedalia, the Berlin e-bike subscription outfit, is lining up roughly $200 million in fresh money. All "
        "told, the company has mopped up more than $700 million to date.\n\nMUMBAI: Paysetu, the merchant payments "
        "startup, is in talks to raise up to $250 million.\n\nHarbor Global is expected to put in $80 million of the "
        "fresh capital, one of the people said.\n\nThe Pune-based firm last raised $300 million in a Series E round "
        "in August.",
        {("Pedalia", "funding_raised", 700e6), ("Paysetu", "funding_raised", 300e6)},
    ),
]

# "Soko Mart, valued at $480 million in late 2024, ..." opening a paragraph: the name set off by ", valued at"
# is a startup of its own, not the one of the paragraph before.
CASES += [
    (
        "name-comma-valued-at",
        "Delivery start-up Tumbo, which had raised $20 million, closed its operations in June.\n\nSoko Mart, "
        "valued at $300 million in late 2024, later disclosed that it had received only $70 million of a promised "
        "investment.",
        {("Tumbo", "funding_raised", 20e6), ("Soko Mart", "valuation", 300e6), ("Soko Mart", "funding_raised", 70e6)},
    ),
]

# A second cut told with "more" or "another" after the first: "let go of 2,200 employees in October and 800 more
# in February", "dismissed more than 80 employees, and this time about 120 more are affected"; "moved another
# 40 into other roles" is no cut.
CASES += [
    (
        "second-cut-more-another",
        "Tutorly, an edtech startup, had let go of 1,800 employees in October and 600 more in February.\n\n"
        "In the summer Hauswerk, a proptech startup, dismissed more than 70 employees, and this time about 110 more "
        "are affected.\n\nCasa Plena, a rental startup, laid off 90 employees and moved another 30 into other roles.",
        {("Tutorly", "layoffs", 1800), ("Tutorly", "layoffs", 600), ("Hauswerk", "layoffs", 70),
         ("Hauswerk", "layoffs", 110), ("Casa Plena", "layoffs", 90)},
    ),
]

# A cut announced in indirect speech ("said on Monday it would cut 50 of its 200 staff") is a layoff; "a plan
# that would cut" is not; "lost their posts"; a report of a cut the company denied is none.
CASES += [
    (
        "said-it-would-cut-and-denied-report",
        "Robotics startup Kineto said on Monday it would cut 40 of its 180 staff after a customer cancelled an "
        "order.\n\nIn all, 300 employees of Moradia, a proptech startup, lost their posts in three months.\n\n"
        "Edtech startup Scholario has a plan that would cut 500 jobs. A media report had claimed that Scholario "
        "would cut 1,000 more jobs; the company denied the report at the time.",
        {("Kineto", "layoffs", 40), ("Kineto", "headcount", 180), ("Moradia", "layoffs", 300)},
    ),
]

# Headcounts told with "counted" and an earlier size "compared with" or "against" a peak.
CASES += [
    (
        "counted-compared-with-against-peak",
        "Before the cuts, Kelaswise, a Jakarta startup, counted some 700 staff across its offices.\n\nSkillbay, an "
        "edtech startup, had 1,050 employees in March 2024, compared with 1,500 two years earlier.\n\nLearnly, an "
        "edtech firm, now employs around 2,100 people against 4,000 at its peak.",
        {("Kelaswise", "headcount", 700), ("Skillbay", "headcount", 1050), ("Skillbay", "headcount", 1500),
         ("Learnly", "headcount", 2100), ("Learnly", "headcount", 4000)},
    ),
]

# A wire story on a raise in progress (a published Reuters page read outside the repository): the headline's
# "raising at least $2 bln" is sought, not raised; "is raising at least $2 billion at a valuation of over $20
# billion" gives one target (the "at" of "at least" is no valuation cue); the earlier round is achieved.
CASES += [
    (
        "wire-raise-in-progress",
        "Chinese startup Zhanlu raising at least $1.5 bln in funding round - sources\n\nHONG KONG, Aug 11 (Wire) - "
        "Chinese news app Zhanlu, backed by Redwood Capital, is raising at least $1.5 billion at a valuation of over "
        "$15 billion in its latest funding round, people familiar with the matter said.\n\nThe fundraising comes "
        "after the startup raised $800 million at a $9 billion valuation towards the end of 2016.",
        {("Zhanlu", "valuation_target", 15e9), ("Zhanlu", "funding_raised", 8e8), ("Zhanlu", "valuation", 9e9)},
    ),
]

# A summary bullet: "Two of seven co-founders have left since summer" counts two (seven is the base).
CASES += [
    (
        "two-of-seven-co-founders",
        "Arcadian Labs, the Zurich AI startup, in brief:\n\n- Two of seven co-founders have left since summer.",
        {("Arcadian Labs", "departed_talent", 2)},
    ),
]

# A podcast write-up: "we" and "our" in the guest's quotes are the company she is introduced with ("co-founder
# and chief executive of Tidemark"), not the show the headline names.
CASES += [
    (
        "podcast-guest-we",
        "Table Talk Radio: a founder explains how she is steering through the slump\n\nThanks for tuning back in "
        "to Table Talk Radio, the show where we pull apart the week's startup figures. This week we sat down with "
        "Elena Vargas, co-founder and chief executive of Tidemark, the Portland-based maker of scheduling software."
        "\n\n\"We raised $12 million in our Series A last year,\" she said. \"We were 48 people in March.\"",
        {("Tidemark", "funding_raised", 12e6), ("Tidemark", "headcount", 48)},
    ),
]

# A founder quoted about her own company's cuts: "In November I had to lay off 20 people", "I let go of 17
# people": the company's layoffs (a quote otherwise asserts a count only with "we").
CASES += [
    (
        "founder-i-let-go",
        "Forgewell, a Leeds robotics startup, had a hard year. \"In November 2022 I had to lay off 20 people,\" its "
        "founder said.\n\nTidemoor, a Portland startup, is shrinking. \"In April I let go of 17 people,\" its "
        "chief executive said.",
        {("Forgewell", "layoffs", 20), ("Tidemoor", "layoffs", 17)},
    ),
]

# A monthly digest's list of names with their rounds in brackets, after "startups that raised".
CASES += [
    (
        "names-with-rounds-in-brackets",
        "Nigeria produced the most deals. Of the nine West African startups that raised, six are Nigerian: "
        "Paylark, a payments startup, raised $30 million; the others were Farmwise ($2.1m), Medikit ($1.4m) and "
        "Roadlog ($600k).",
        {("Paylark", "funding_raised", 30e6), ("Farmwise", "funding_raised", 2.1e6), ("Medikit", "funding_raised", 1.4e6),
         ("Roadlog", "funding_raised", 6e5)},
    ),
]

# Copies translated from French, German and Spanish keep their number words: "140 millions d'euros", "1,8 milliard
# de dollars", "11,5 Mio. Euro", "US$ 2,1 millones" (a decimal comma).
CASES += [
    (
        "french-german-spanish-number-words",
        "Lumiphot, the Grenoble photonics startup, raised 120 millions d'euros in October. Kassenfix, the Leipzig "
        "point-of-sale startup, had revenue of 9,5 Mio. Euro in 2024. Estudia, a Bogota edtech startup, raised US$ "
        "2,3 millones in 2021.",
        {("Lumiphot", "funding_raised", 120e6), ("Kassenfix", "revenue", 9.5e6), ("Estudia", "funding_raised", 2.3e6)},
    ),
]

# Translated copies: "dismissed 150 of its 1.100 collaborators" (a thousands point), "laid off 9% or 180
# employees" (a share restated without a comma), "Founder-CEO Kenji Arai stepped down" (a glued title).
CASES += [
    (
        "thousands-point-share-or-count-founder-ceo",
        "Casalar, a Sao Paulo proptech startup, dismissed 130 of its 1.200 collaborators.\n\nTokomart, an "
        "Indonesian e-commerce startup, laid off 8% or 160 employees.\n\nYenpay, a Tokyo fintech startup, said "
        "Founder-CEO Kenji Arai stepped down on Monday.",
        {("Casalar", "layoffs", 130), ("Casalar", "headcount", 1200), ("Tokomart", "layoffs", 160),
         ("Yenpay", "departed_talent", 1)},
    ),
]

# Wire briefs: "has cut 120 jobs ..., as it tries to reach profitability by the end of next year" (the future is
# the other clause's); "letting go of 6 per cent, or 380, of its 6,300 employees"; "Homegrown startups pulled in
# $210 million" (a word describing many companies, no startup).
CASES += [
    (
        "wire-briefs-cut-share-or-count-homegrown",
        "London-based savings app Savly has cut 110 jobs, about a fifth of its workforce, as it tries to reach "
        "profitability by the end of next year, the company said on Thursday.\n\nPadhai Point, an edtech startup, "
        "is letting go of 5 per cent, or 310, of its 6,200 employees.\n\nNew Delhi, Nov 28 (NAS) Homegrown startups "
        "pulled in more than $190 million in funding this week.",
        {("Savly", "layoffs", 110), ("Padhai Point", "layoffs", 310), ("Padhai Point", "headcount", 6200)},
    ),
]

# A Q&A whose headline names the guest's company only there ("Camila Duarte, CEO of Tesselo (Part 4)"): the
# guest's "we" is that company's, not the interviewer's (a speaker label).
CASES += [
    (
        "qa-headline-ceo-of",
        "Building a Core-Banking Platform for Latin America From São Paulo: Camila Duarte, CEO of Tesselo (Part 4)\n\nNeel Rao: How "
        "is the engineering organisation laid out?\n\nCamila Duarte: We're about 480 people overall. Most sit in São "
        "Paulo. The rest are in Lisbon.\n\nNeel Rao: And the money?\n\nCamila Duarte: We have raised $120 million in "
        "total. I am glad we did not raise more. It keeps us honest.",
        {("Tesselo", "headcount", 480), ("Tesselo", "funding_raised", 120e6)},
    ),
]

# A founder's own words and plain reporting: "our last round priced us at $780 million", "my VP of sales quit",
# "sent home all 60 of its staff", "Twenty-six people lost their jobs", "co-founder ... stepped away in May".
CASES += [
    (
        "priced-us-vp-quit-sent-home-hyphenated-stepped-away",
        "Tesselo, the Sao Paulo banking-software startup, is growing. \"Our last round, in 2025, priced us at $700 "
        "million,\" its chief executive said. \"Then my VP of sales quit.\"",
        {("Tesselo", "valuation", 700e6), ("Tesselo", "departed_talent", 1)},
    ),
    (
        "sent-home-hyphenated-stepped-away",
        "Kubera, a Nairobi logistics startup, sent home all 60 of its staff in May.\n\nZawadi Pay, a Kampala fintech "
        "startup, is shrinking. Twenty-six people lost their jobs in September.\n\nHarsh Vyas, co-founder of "
        "supply-chain startup Chainlink Labs, stepped away in May.",
        {("Kubera", "layoffs", 60), ("Kubera", "headcount", 60), ("Zawadi Pay", "layoffs", 26),
         ("Chainlink Labs", "departed_talent", 1)},
    ),
]

# "dismissed 160 people" is a layoff verb, not a denial that would undo the co-founder's departure after it; no
# named person is "dismissed" with the staff; "stepped away to spend his time on ...".
CASES += [
    (
        "dismissed-staff-then-a-resignation",
        "In October, Sao Paulo proptech Moradia dismissed 160 people, and its co-founder and financial director, "
        "Beatriz Lins, resigned in the same month.\n\nLast week, Harsh Vyas, co-founder of supply-chain software "
        "startup Chainlink Labs, stepped away to spend his time on two new companies.",
        {("Moradia", "layoffs", 160), ("Moradia", "departed_talent", 1), ("Chainlink Labs", "departed_talent", 1)},
    ),
]

# Stage 5 (2026-12-04): whose people left. The company they left, named after the verb with a description
# ("left payroll startup X", "walked out of her job as head of risk at X"); never the company they went to
# ("lost two co-founders to X", "left for X", "lost its CTO, A, to X"); people taken "from its rival X" are X's;
# a paragraph opened by a heading about a company ("Another exit at X.") puts it in focus.
CASES += [
    (
        "left-a-described-startup-not-the-new-employer",
        "Vantry, a spend-control startup, hired Maria Ruiz as its finance chief on Tuesday. Ruiz left payroll "
        "startup Carbonel in March after four years as its vice president of finance.",
        {("Carbonel", "departed_talent", 1)},
    ),
    (
        "walked-out-of-her-job-at",
        "Skyhop raised $9 million in a seed round, eight months after co-founder Amaka Obi walked out of her job as "
        "head of risk at Zeniq, the Lagos lender.",
        {("Skyhop", "funding_raised", 9e6), ("Zeniq", "departed_talent", 1)},
    ),
    (
        "two-roles-before-of-a-citys-startup",
        "Andina Cash, a Bogota wallet, raised $12 million last week. Separately, Laura Pinto, co-founder and chief "
        "product officer of Lima's Pagoya, left the company on Wednesday to join a bank.",
        {("Andina Cash", "funding_raised", 12e6), ("Pagoya", "departed_talent", 1)},
    ),
    (
        "lost-co-founders-to-a-rival",
        "Parallax AI, the Paris-based lab, has lost two of its co-founders to Mistral AI.",
        {("Parallax AI", "departed_talent", 2)},
    ),
    (
        "lost-named-head-and-colleagues-to-a-lab",
        "Helvetix raised $40 million in May. The Zurich model-builder lost its head of research, Jon Weber, and four "
        "of his colleagues to OpenAI in October.",
        {("Helvetix", "funding_raised", 4e7), ("Helvetix", "departed_talent", 5)},
    ),
    (
        "poached-engineers-from-its-rival",
        "Quarry, the retrieval startup, poached seven engineers from its rival Indexa over the summer.",
        {("Indexa", "departed_talent", 7)},
    ),
    (
        "our-people-left-for-a-rival",
        "Kargoo's founder on the long road to profit\n\nJakarta trucking marketplace Kargoo raised a $55 million "
        "Series B last year.\n\nYour biggest rival, Lalaship, cut 150 people in January. Did you hire them?\n"
        "Some. It goes both ways: two of our early vice-presidents left for Lalaship last year.",
        {("Kargoo", "funding_raised", 5.5e7), ("Lalaship", "layoffs", 150), ("Kargoo", "departed_talent", 2)},
    ),
    (
        "heading-lead-at-a-company",
        "Latin fintech briefing\n\nCobrix, the Santiago invoice lender, raised an $18mn round from Banco Andino.\n\n"
        "Another exit at Monedero Sur. Co-founder and CTO Tomas Vidal is leaving the Argentine wallet to start an AI "
        "company. The company says it reached annualized revenue of $110mn in June.",
        {("Cobrix", "funding_raised", 1.8e7), ("Monedero Sur", "departed_talent", 1), ("Monedero Sur", "revenue", 1.1e8)},
    ),
]


# A departure told with "he"/"she": the person named last before it, counted once; not "she left Google", not
# "left to found" the startup, not when a role in the sentence is the subject ("its CEO said he was leaving").
CASES += [
    (
        "pronoun-quit-the-described-lender",
        "Paystride, a Lagos lender, raised $8 million in 2025. Amaka Eze ran its credit team for three years. "
        "She quit the Lagos lender in June.",
        {("Paystride", "funding_raised", 8e6), ("Paystride", "departed_talent", 1)},
    ),
    (
        "pronoun-walked-away",
        "Kestrel Pay raised $20 million last year. Its founder Oliver Grant built the company from a garage. "
        "In May he walked away.",
        {("Kestrel Pay", "funding_raised", 2e7), ("Kestrel Pay", "departed_talent", 1)},
    ),
    (
        "pronoun-after-a-named-departure-is-the-same-person",
        "Corvid's chief scientist, Helen Okoro, resigned in May. She left to join a rival lab.",
        {("Corvid", "departed_talent", 1)},
    ),
    (
        "pronoun-left-to-found-the-startup",
        "Bramble raised $3 million. Jane Roe spent a decade at Google. In 2019 she left to found Bramble.",
        {("Bramble", "funding_raised", 3e6)},
    ),
    (
        "pronoun-left-a-big-company",
        "Tallo raised $6 million, the startup said. Its chief executive Ama Boateng spent years in banking. "
        "She left Barclays in 2021.",
        {("Tallo", "funding_raised", 6e6)},
    ),
]


# A tracker's items labelled "Name - The <description> startup ..." name startups; "By the X desk" is the outlet.
CASES += [
    (
        "dash-labelled-tracker-items-and-a-desk-byline",
        "Startup layoffs this year: the list we keep updating\n\nBy the Ridgeway Tech desk\n\nJob cuts kept coming.\n\n"
        "November 2026\n\nPedalo - The Utrecht-based e-bike rental startup is cutting around 25% of its 200-strong "
        "workforce.\n\nLohnwerk - The Hamburg payroll software unicorn said it would lay off 140 employees.",
        {("Pedalo", "layoffs", 50), ("Pedalo", "headcount", 200), ("Lohnwerk", "layoffs", 140)},
    ),
]


CASES += [
    (
        "of-its-then-staff",
        "Greifwerk, a Munich robotics startup, dismissed 120 of its then 430 employees in March.",
        {("Greifwerk", "layoffs", 120), ("Greifwerk", "headcount", 430)},
    ),
]


# Valuations: the round a valuing clause is about names its owner ("QuickDash's raise, which valued the grocery
# company at"); an amount used as an adjective for a startup ("leave the $4.5 billion challenger"); the price a
# company "carried"; "joins the unicorn club" marks a startup (a newsletter heading, then a definite description).
CASES += [
    (
        "valuing-clause-of-a-possessive-round",
        "Fynly, a grocery app, raised $40 million in August. That is in spite of Cartwise's $250 million raise, "
        "which valued the grocery delivery company at $1.6 billion.",
        {("Fynly", "funding_raised", 4e7), ("Cartwise", "funding_raised", 2.5e8), ("Cartwise", "valuation", 1.6e9)},
    ),
    (
        "amount-as-adjective-of-a-challenger",
        "This month we saw Nuvola's head of compliance, Hana Birk, leave the 4.5 billion US dollar challenger.",
        {("Nuvola", "valuation", 4.5e9), ("Nuvola", "departed_talent", 1)},
    ),
    (
        "amount-of-startup-investment-is-no-valuation",
        "Over $180m of startup investment was wiped out in a year, and Ledgo, a Lagos lender, shut down.",
        set(),
    ),
    (
        "unicorn-club-heading-then-a-description",
        "The Daily Ledger: Africa's newest unicorn\n\nKobe Pay joins the unicorn club\n\nYesterday's news from Kobe Pay was a welcome change. "
        "The Accra-headquartered business banking company said it had raised $90 million in a Series C round that values "
        "it at $1.1 billion. That is more than triple the $350 million price the fintech carried in 2024.\n\n"
        "Trekko trims its team\n\nNairobi-based logistics startup Trekko has let go of 45 people.",
        {("Kobe Pay", "funding_raised", 9e7), ("Kobe Pay", "valuation", 1.1e9), ("Kobe Pay", "valuation", 3.5e8),
         ("Trekko", "layoffs", 45)},
    ),
]


# A company "trying to raise", "seeking a $400 million valuation" is a startup (and owns the figure), even
# after another startup's paragraph.
CASES += [
    (
        "trying-to-raise-after-an-aside",
        "Lumiq, a Singapore analytics startup, raised $20 million in February.\n\nDatavane, for its part, is trying "
        "to raise at a valuation of $300 million, people familiar with the matter said. Datavane sells credit data to banks.",
        {("Lumiq", "funding_raised", 2e7), ("Datavane", "valuation_target", 3e8)},
    ),
    (
        "was-seeking-a-valuation",
        "Credimax, a Lima lender, raised $30 million in May. Outside fintech, the online pharmacy Farmalito Express was "
        "seeking a $400 million valuation in talks for a new round, people close to the discussions said.",
        {("Credimax", "funding_raised", 3e7), ("Farmalito Express", "valuation_target", 4e8)},
    ),
]


CASES += [
    (
        "possessive-description-then-the-rivals-name",
        "Haulmark, a Nairobi freight marketplace, raised $28 million. Haulmark's bigger Lagos rival, Truckly, cut 90 of "
        "its 410 staff in June and is now trying to raise at a valuation of about $500 million, down from the $700 "
        "million it was valued at in 2022.",
        {("Haulmark", "funding_raised", 2.8e7), ("Truckly", "layoffs", 90), ("Truckly", "headcount", 410),
         ("Truckly", "valuation_target", 5e8), ("Truckly", "valuation", 7e8)},
    ),
]


# A translated copy: "its co-founder ... Jane Roe resigned" after another startup's cut is that startup's; a company
# name ending in "Group" followed by a person's two names ("CEO of Acme Group Jane Roe said") is two names.
CASES += [
    (
        "its-role-after-a-startups-cut-and-a-group-then-a-person",
        "The startup commerce enabler Nirwana Commerce Group cut 180 employees yesterday. Founder and CEO of Nirwana "
        "Commerce Group Budi Santoso said the cut was needed.\n\nBefore Nirwana, the edtech Belajarku had cut 75 "
        "collaborators in October, and its co-founder and chief product officer Sari Wulandari resigned a few weeks later.",
        {("Nirwana Commerce Group", "layoffs", 180), ("Belajarku", "layoffs", 75), ("Belajarku", "departed_talent", 1)},
    ),
]


# The running count after the person's own departure was counted: a row with the count (most annotators keep it).
CASES += [
    (
        "running-count-after-the-departure",
        "Haulmax chief executive Dominic Farrell has stepped down. On Tuesday, finance chief Priya Natarajan resigned. "
        "Farrell is the fourth senior executive to leave the company this year.",
        {("Haulmax", "departed_talent", 1), ("Haulmax", "departed_talent", 4)},
    ),
]


# A cut told with no noun: "cut another 70", "20 of them would lose their jobs", "The other 15 are being laid off"
# (but "Two of them left for a rival" is no layoff).
CASES += [
    (
        "cut-another-n",
        "Pollenix, a health startup, cut 40 jobs in February. In March it cut another 70.",
        {("Pollenix", "layoffs", 40), ("Pollenix", "layoffs", 70)},
    ),
    (
        "n-of-them-would-lose-their-jobs",
        "Pivora, an AI startup, told its 60 staff on Monday that 20 of them would lose their jobs.",
        {("Pivora", "headcount", 60), ("Pivora", "layoffs", 20)},
    ),
    (
        "the-other-n-are-being-laid-off",
        "Parselo, a Lisbon startup, had 35 staff. Twenty are moving to the buyer. The other 15 are being laid off.",
        {("Parselo", "headcount", 35), ("Parselo", "layoffs", 15)},
    ),
    (
        "n-of-them-left-is-no-layoff",
        "Mkopa Lite, a Nairobi lender, had 90 employees. Two of them left for a rival.",
        {("Mkopa Lite", "headcount", 90)},
    ),
]


CASES += [
    (
        "one-of-the-main-wallets",
        "Pampix, a Uruguayan payments startup, raised $12 million in May.\n\nLast week Kriptal, one of the main wallets "
        "that sells cryptocurrencies in Argentina, announced the dismissal of 35% of its 140 workers.",
        {("Pampix", "funding_raised", 1.2e7), ("Kriptal", "layoffs", 49), ("Kriptal", "headcount", 140)},
    ),
]


# A rival introduced, then described for the first time: "Its closest rival, Owoflo, said ... The Lagos-based credit
# startup raised ..."; "The exit leaves Fathomly as the best-funded independent lab. The Toronto-based company ...".
CASES += [
    (
        "its-closest-rival-then-a-first-description",
        "Kredix, a Lagos-based lender, is shutting down.\n\nIts closest rival, Owoflo, said it would offer jobs to some "
        "of Kredix's engineers. The Lagos-based credit startup raised a $30 million Series B in June at a $210 million "
        "valuation and now has 260 staff.",
        {("Owoflo", "funding_raised", 3e7), ("Owoflo", "valuation", 2.1e8), ("Owoflo", "headcount", 260)},
    ),
    (
        "leaves-x-as-the-best-funded-lab",
        "Amazon licenses Tessaly's models\n\nTessaly, an agent startup, raised $50 million last year.\n\n"
        "The exit leaves Fathomly as the best-funded independent lab working on agent planning. The Toronto-based "
        "company closed a $200 million Series B at a $2 billion valuation in June.",
        {("Tessaly", "funding_raised", 5e7), ("Fathomly", "funding_raised", 2e8), ("Fathomly", "valuation", 2e9)},
    ),
]


# Who the paragraph is about: "In March it bought its smaller competitor X" (X is an object, "it" stays the subject);
# "sent through Slick, the fintech Puntal communicated" (the description is Puntal's, not Slick's); "Plumo took a
# $45 million round" (a startup's raise).
CASES += [
    (
        "it-bought-a-competitor-stays-the-subject",
        "Steuerhund cuts after takeover\n\nThe cuts at Steuerhund were unexpected. In March it bought its smaller "
        "competitor Belegfix. The company, founded in 2017, said that around 110 of its roughly 600 employees are affected.",
        {("Steuerhund", "layoffs", 110), ("Steuerhund", "headcount", 600)},
    ),
    (
        "a-tool-before-the-fintech-name",
        "Fintech Puntal dismisses workers in Chile\n\nWith a message sent through Slick, the fintech Puntal told staff on "
        "Thursday of the cut. The startup let go of 34 persons, close to 20% of its staff.",
        {("Puntal", "layoffs", 34)},
    ),
    (
        "took-a-round-portfolio-company",
        "Hauly cuts staff\n\nHauly, the Seattle freight startup, laid off 40 people.\n\nAn investor pointed to Plumo "
        "Freight, one of her own portfolio companies, as the counter-example. Plumo took a $45 million round at a $300 "
        "million valuation last September.",
        {("Hauly", "layoffs", 40), ("Plumo Freight", "funding_raised", 4.5e7), ("Plumo Freight", "valuation", 3e8)},
    ),
]


CASES += [
    (
        "developer-is-no-per-source",
        "Payments firm Lumory is reportedly seeking a valuation of $19 billion, according to a report last week. "
        "Robotics developer Hexapodo Labs, for its part, raised $900 million at a $7.5 billion valuation in October.",
        {("Lumory", "valuation_target", 1.9e10), ("Hexapodo Labs", "funding_raised", 9e8), ("Hexapodo Labs", "valuation", 7.5e9)},
    ),
]


CASES += [
    (
        "share-of-a-workforce-that-grew-from-to",
        "Lagos-based PayMado is cutting 15% of its workforce, according to an email sent to staff on Wednesday. The "
        "payments startup grew from 85 people in early 2024 to 720 by the middle of this year.",
        {("PayMado", "layoffs", 108), ("PayMado", "headcount", 85), ("PayMado", "headcount", 720)},
    ),
]


CASES += [
    (
        "hired-away-from-a-described-marketplace",
        "Layerlyne had already hired 30 engineers away from NFT marketplace Mintoro in the spring. In 2024, all three "
        "co-founders of rental marketplace Roomsy left the company inside twelve months.",
        {("Mintoro", "departed_talent", 30), ("Roomsy", "departed_talent", 3)},
    ),
]


CASES += [
    (
        "two-people-each-with-a-role-appositive",
        "Padlo, an edtech startup, said its chief technology officer, Sanjay Rao, and its chief business officer, Ritu "
        "Bansi, have resigned.\n\nDomicilo, a delivery app, laid off 40 employees last week, according to local outlet "
        "Valor Diario, and its chief financial officer, Simon Restrepo, resigned a few days earlier.",
        {("Padlo", "departed_talent", 2), ("Domicilo", "layoffs", 40), ("Domicilo", "departed_talent", 1)},
    ),
]


# A layoffs tracker's fact lines: "🏢 Acme ∙ 🌎 Austin ∙ 👩 64 employees (20%)" under a headline about cuts (a fact
# line of a funding tracker is no layoff).
CASES += [
    (
        "layoffs-tracker-fact-lines",
        "Job Cuts Tracker: Week of Nov 16\n\nHere are the cuts that stood out this week.\n\n🏢 Ferrolux ∙ 🌎 Pittsburgh ∙ "
        "👩 210 employees (35%) ∙ 🔗Source\n\n- The battery-recycling startup is shutting its pilot plant. Ferrolux raised "
        "$180 million from climate funds.\n\n🏢 Tallyboo ∙ "
        "🌎 Austin ∙ 👩 64 employees (20%) ∙ 🔗Source\n\n- A payroll app for restaurant staff, Tallyboo said the cut was "
        "its first.",
        {("Ferrolux", "layoffs", 210), ("Ferrolux", "funding_raised", 1.8e8), ("Tallyboo", "layoffs", 64)},
    ),
    (
        "funding-tracker-fact-line-is-no-layoff",
        "Deals of the week\n\n🏢 Ferrolux ∙ 🌎 Pittsburgh ∙ 👩 210 employees ∙ 🔗Source\n\n- The battery-recycling "
        "startup Ferrolux raised $40 million from climate funds.",
        {("Ferrolux", "funding_raised", 4e7)},
    ),
]


CASES += [
    (
        "others-leaving-from-a-team-have-their-own-row",
        "Dompeta, a Jakarta lender, said its chief financial officer, Dewi Lestiani, resigned in October, and two senior "
        "engineers from its lending team have since left for a rival.",
        {("Dompeta", "departed_talent", 1), ("Dompeta", "departed_talent", 2)},
    ),
    (
        "heading-label-then-an-acronym-description",
        "French startups that cut jobs this year\n\nOutila\n\nThe DIY marketplace launched a second social plan in "
        "September, which affects 90 employees. Its two co-founders, Camille Girod and Hugo Marchal, had both quit the "
        "company in the spring.",
        {("Outila", "layoffs", 90), ("Outila", "departed_talent", 2)},
    ),
]


# "X led the growth-stage pack with a $24 million Series C", "Y led with a $6 million round": the startups that
# raised most, not investors that led a round; "Singapore's cold-chain logistics firm X" is described by a place.
CASES += [
    (
        "led-the-pack-with-a-round",
        "Growth-stage deals lead the way\n\nSingapore's cold-chain logistics firm Frostlyne led the growth-stage pack "
        "with a $24 million Series C, followed by Jakarta-based Bayarix, a payments app that raised $15 million. In "
        "early-stage deals, Manila's clinic-booking app Sehatku led with a $6 million round.",
        {("Frostlyne", "funding_raised", 2.4e7), ("Bayarix", "funding_raised", 1.5e7), ("Sehatku", "funding_raised", 6e6)},
    ),
]


CASES += [
    (
        "a-role-followed-in-may",
        "Kredipo, a Lagos lender, is struggling. Co-founder and CTO Tunde Bakari quit in January to join a bank, and "
        "the head of credit followed in February.",
        {("Kredipo", "departed_talent", 1)},
    ),
]


def test_a_role_that_followed_is_a_second_departure() -> None:
    """"... quit in January, and the head of credit followed in February": two people, two rows, two months."""
    text = next(t for cid, t, _ in CASES if cid == "a-role-followed-in-may")
    rows = [m for m in extract_article(text, published=PUBLISHED).metrics if m.metric == "departed_talent"]
    assert sorted(m.as_of.label for m in rows) == ["2025-01", "2025-02"]


# "$42 Million" (title case) names no company "Million"; "Startups raised $812 million across 47 deals" is the sector's.
CASES += [
    (
        "title-case-million-and-startups-are-no-names",
        "Corredor #112 - Pagala raises $42 Million\n\nPagala raised a $42 Million Series B to grow its service. "
        "Startups raised $812 million across 47 deals during the month, according to a data provider.",
        {("Pagala", "funding_raised", 4.2e7)},
    ),
]


CASES += [
    (
        "interview-now-i-run-x",
        "Hire slower than you think you should\n\nThis edition's guest is Lucia Ferrer.\n\nFounder, operator, or "
        "investor?\nFounder, twice. I sold my first company, Pollenia, in 2023. Now I run Quarrio Robotics.\n\n"
        "3 numbers that describe Quarrio today\n\n- We raised a $26M Series A in February.\n\n- We're 47 people.",
        {("Quarrio Robotics", "funding_raised", 2.6e7), ("Quarrio Robotics", "headcount", 47)},
    ),
]


CASES += [
    (
        "founders-roundup-each-section-its-own-we",
        "3 founders explain how they kept their startups alive\n\nFounders at Orbitla, Sprigwel and Calderon Health told "
        "us what they did.\n\nAna Ruiz of Orbitla says the first cut is always hiring\n\n\"We closed a $22 million Series B "
        "in April,\" Ruiz said.\n\nSam Whitfield of Sprigwel says cut deep once\n\n\"We cut 20 people in June. Before that "
        "we were 68,\" Whitfield said.",
        {("Orbitla", "funding_raised", 2.2e7), ("Sprigwel", "layoffs", 20), ("Sprigwel", "headcount", 68)},
    ),
]


CASES += [
    (
        "subject-then-a-rivals-possessive-appositive",
        "Europe's fintechs are short of friends. Kvaltr set the mood. Pengo, Kvaltr's Stockholm rival, pulled in $250 "
        "million in June at a valuation of $3 billion and has kept hiring; it now has around 900 staff.",
        {("Pengo", "funding_raised", 2.5e8), ("Pengo", "valuation", 3e9), ("Pengo", "headcount", 900)},
    ),
    (
        "decoding-heading-is-no-name",
        "Decoding Haulix: how the freight startup burns its cash\n\nHaulix raised $140 million in August at a $1.6 "
        "billion valuation.",
        {("Haulix", "funding_raised", 1.4e8), ("Haulix", "valuation", 1.6e9)},
    ),
]


CASES += [
    (
        "cuts-listed-with-counts-in-brackets",
        "Ride-hailing firm Savarin laid off about 2,200 employees during January-March, followed by the learning app "
        "Gyaanu, car marketplace AutoBazar (600) and tutoring startup Shikshan (420).",
        {("Savarin", "layoffs", 2200), ("AutoBazar", "layoffs", 600), ("Shikshan", "layoffs", 420)},
    ),
]


CASES += [
    (
        "people-at-a-described-startup-after-another-exit",
        "Vietnamese fintech Tienla's chief executive, Pham Quoc Binh, resigned on Tuesday, and three vice-presidents at "
        "Thai proptech Baanmat quit to join a rival.",
        {("Tienla", "departed_talent", 1), ("Baanmat", "departed_talent", 3)},
    ),
]


CASES += [
    (
        "counts-of-funds-and-founding-colleagues-are-no-staff",
        "Fournay set up Corvello in March 2024 with two colleagues. We have 35 people, we raised $6 million from two "
        "Malaysian funds and an angel in Singapore, its founder said. Corvello started the year with 30 employees.",
        {("Corvello", "headcount", 35), ("Corvello", "funding_raised", 6e6), ("Corvello", "headcount", 30)},
    ),
]


CASES += [
    (
        "resigned-as-did-another",
        "Orbipay's founder and chief executive Daniel Ongg resigned on Wednesday, as did chief operating officer Mei "
        "Satoh, the company said.",
        {("Orbipay", "departed_talent", 2)},
    ),
]


CASES += [
    (
        "roundup-next-raise-followed-with",
        "Bengaluru's tax app Pathkos raised a $9.5 million Series A. Gurugram's payroll software maker Tallyhiv "
        "followed with $6 million.",
        {("Pathkos", "funding_raised", 9.5e6), ("Tallyhiv", "funding_raised", 6e6)},
    ),
]


# Whose people left, in a round-up of exits: "A, one of the co-founders of the Web3 infrastructure firm X, quit",
# "A, co-founder of Web3 firm X, quit"; "X's chief executive A moved across to the edtech group Y" (Y is where he went).
CASES += [
    (
        "exits-roundup-web3-firms-and-a-move-to-a-group",
        "It has been a crowded year for goodbyes. Upskilla's chief executive Arnav Mehta moved across to the edtech group "
        "Vidyakos only weeks ago. Last week Ritesh Gandy, one of the co-founders of the Web3 infrastructure firm Nodechayn, "
        "quit to spend his time on other companies. Earlier, Rahul Bhatt, co-founder of Web3 firm ChainKort, quit too.",
        {("Upskilla", "departed_talent", 1), ("Nodechayn", "departed_talent", 1), ("ChainKort", "departed_talent", 1)},
    ),
]


CASES += [
    (
        "the-largest-cut-came-from-x",
        "Startup layoffs this week\n\nThe largest cut so far came from Ribbonpey. The Atlanta-based payments startup, "
        "last valued at $4.2 billion, let go about 400 people on Tuesday.\n\nNimbli, which makes scheduling software, "
        "said it would cut 25 percent of its workforce. The Austin company had 640 employees in December.",
        {("Ribbonpey", "valuation", 4.2e9), ("Ribbonpey", "layoffs", 400), ("Nimbli", "layoffs", 160),
         ("Nimbli", "headcount", 640)},
    ),
]


CASES += [
    (
        "possessive-fundraise-and-valued-the-company",
        "Paisaloup, a Mumbai payments startup, is back in the market. Spendmapp, a rival expense app, cut 40 jobs in "
        "May.\n\nPaisaloup's previous fundraise, a Series C in March, "
        "brought in $70 million from a growth fund and valued the company at $720 million.",
        {("Spendmapp", "layoffs", 40), ("Paisaloup", "funding_raised", 7e7), ("Paisaloup", "valuation", 7.2e8)},
    ),
]


# Sector totals in newsletters: "It's Monday, and Indian startups raised $1.1 Bn across 96 deals" ("It's" is no "its"),
# "eight U.S.-based companies raising $40 million or more".
CASES += [
    (
        "sector-totals-after-its-monday-and-us-based-companies",
        "QuickBaskit eyes $5 Bn valuation\n\nGood morning! It's Monday, and Indian startups raised $1.1 Bn across 96 "
        "deals in January. Big rounds kept coming, with eight U.S.-based companies raising $40 million or more.",
        {("QuickBaskit", "valuation_target", 5e9)},
    ),
]


CASES += [
    (
        "lost-two-roles-this-autumn-and-a-lone-role-named-later",
        "Veridia Bio, a Boston biotech startup, lost its chief financial officer and its general counsel in October.\n\n"
        "Paysetto, the Bengaluru payments startup, has lost its chief technology officer. Karan Mehta resigned on Monday "
        "and is joining a research lab in London.",
        {("Veridia Bio", "departed_talent", 2), ("Paysetto", "departed_talent", 1)},
    ),
]


def test_a_lone_role_lost_and_named_later_is_one_person() -> None:
    """"has lost its chief technology officer. Karan Mehta resigned on Monday": one departure, not two."""
    text = next(t for cid, t, _ in CASES if cid == "lost-two-roles-this-autumn-and-a-lone-role-named-later")
    rows = [m for m in extract_article(text, published=PUBLISHED).metrics if m.metric == "departed_talent" and m.company == "Paysetto"]
    assert len(rows) == 1


# Acqui-hires told from the buyer: "Bigco is paying to license the startup's models and has hired its chief executive,
# A" (its = the startup's); "taking the startup's two co-founders" (but "quit, taking four researchers with her" is no
# buyer taking people).
CASES += [
    (
        "acqui-hire-its-after-the-startups",
        "Big tech wants the engineers, not the company\n\nParsek Code, a Tel Aviv code-review startup, raised $40 million "
        "last year. Meta is paying $1.9 billion to license the startup's models and has hired its chief executive, Lior "
        "Ben-Amir.",
        {("Parsek Code", "funding_raised", 4e7), ("Parsek Code", "departed_talent", 1)},
    ),
    (
        "acqui-hire-taking-the-startups-co-founders",
        "Kestrell Agents, a logistics AI startup, now sells a narrower product. Amazon ran the play in March with "
        "Kestrell Agents, taking the startup's two co-founders while licensing its planning software.",
        {("Kestrell Agents", "departed_talent", 2)},
    ),
]


CASES += [
    (
        "another-firm-that-cut-a-share",
        "Paychan, a Lagos crypto startup, let go of 10 of its 38 staff on Monday.\n\nPaychan was at pains to say the "
        "crisis played no part, the same line taken by Naijacoyn, another Lagos crypto firm that cut 25% of its "
        "workforce last week.\n\nNaijacoyn had 140 employees at the start of the year.",
        {("Paychan", "layoffs", 10), ("Paychan", "headcount", 38), ("Naijacoyn", "layoffs", 35), ("Naijacoyn", "headcount", 140)},
    ),
]


CASES += [
    (
        "a-share-cut-in-january-besides-this-years-second-round",
        "KhataPey lays off 250 employees in second round of cuts this year\n\nIn January, KhataPey let go of 12% of its "
        "workforce as it shut down its buy-now-pay-later product. At the time, the company had 2,200 employees on its "
        "payroll.",
        {("KhataPey", "layoffs", 250), ("KhataPey", "layoffs", 264), ("KhataPey", "headcount", 2200)},
    ),
]


CASES += [
    (
        "a-share-of-the-staff-after-a-first-round",
        "Moniflo trims staff again\n\nMoniflo, the Lagos-based digital bank, has let go of 15% of its workforce, its "
        "second round of cuts in a year, according to an internal memo.\n\nThe memo did not give a number.\n\nMoniflo "
        "ended 2024 with 1,100 employees, according to the company's annual report, after cutting about 90 people in a "
        "first round last December.",
        {("Moniflo", "layoffs", 165), ("Moniflo", "layoffs", 90), ("Moniflo", "headcount", 1100)},
    ),
]


CASES += [
    (
        "games-studio-label-and-a-careers-page-count",
        "Jogaverd. The Brazilian mobile games studio, valued at US$2.4 billion, let go of 15% of its staff this week; its "
        "careers page listed more than 900 employees.",
        {("Jogaverd", "valuation", 2.4e9), ("Jogaverd", "headcount", 900), ("Jogaverd", "layoffs", 135)},
    ),
]


# A past valuation named after its amount, beside a listing sought: "well below the $3.4 billion at which it raised money
# in a 2022 round" (achieved, not the listing's target, and exact: the compared figure is no ceiling).
CASES += [
    (
        "past-valuation-at-which-it-raised-beside-a-listing",
        "ScholarHab, the Bengaluru edtech startup, is preparing a listing at a valuation of $2.5-2.8 billion, people aware "
        "of the plans said, well below the $3.4 billion at which it raised money in a 2022 round.",
        {("ScholarHab", "valuation_target", 2.5e9), ("ScholarHab", "valuation_target", 2.8e9), ("ScholarHab", "valuation", 3.4e9)},
    ),
]


CASES += [
    (
        "a-team-of-scientists-is-the-staff",
        "Lattika Quantum, a Munich startup, has built a team of more than 180 scientists and engineers.",
        {("Lattika Quantum", "headcount", 180)},
    ),
]


# A company announcing its own people's leaving is a cut: "I told our team that 38 people are leaving Fieldnot",
# "about 240 of our team members will leave us" (but "12 engineers have left for rivals" stays a departure).
CASES += [
    (
        "a-founder-announcing-people-leaving-is-a-cut",
        "Fieldnot's founder on a hard day\n\nThis morning I told our team that 38 people are leaving Fieldnot. Separately, "
        "Kirimon, a Jakarta lender, said in a statement: \"With a heavy heart, about 240 of our team members will leave "
        "us.\"\n\nQuillo, a Berlin design startup, said 12 engineers have left for rivals since June.",
        {("Fieldnot", "layoffs", 38), ("Kirimon", "layoffs", 240), ("Quillo", "departed_talent", 12)},
    ),
]


CASES += [
    (
        "siblings-given-name-and-full-name",
        "Baytni, a Dubai proptech startup, cut 40 jobs. Its co-founders, siblings Omar and Hala Saeed, have also left the "
        "company's management.",
        {("Baytni", "layoffs", 40), ("Baytni", "departed_talent", 2)},
    ),
]


CASES += [
    (
        "chief-takes-leave-is-no-departure",
        "Coverli chief Marcus Adeyem takes leave after mass layoff call\n\nCoverli, an insurtech startup, laid off 200 "
        "people on a call.",
        {("Coverli", "layoffs", 200)},
    ),
]


@pytest.mark.parametrize("case_id,text,expected", CASES, ids=[c[0] for c in CASES])
def test_construction(case_id: str, text: str, expected: set[tuple[str, str, float]]) -> None:
    got = {(m.company, m.metric, m.value) for m in extract_article(text, published=PUBLISHED).metrics}
    assert got == expected, f"{case_id}: missing {expected - got}, extra {got - expected}"


def test_another_organisations_cut_after_and_is_not_the_startups() -> None:
    """"..., the lending startup Corvina dismissed 120 staff, and Harlow Federal Savings announced that 2,400
    employees would be let go": the 2,400 opens its own clause with another subject, so it is not Corvina's."""
    text = ("Since January, the lending startup Corvina dismissed 120 staff, and Harlow Federal Savings announced that "
            "2,400 employees would be let go.")
    rows = {(m.company, m.value) for m in extract_article(text, published=PUBLISHED).metrics if m.metric == "layoffs"}
    assert ("Corvina", 120) in rows and ("Corvina", 2400) not in rows


def test_a_year_earlier_counts_from_the_year_named_before_it() -> None:
    """"booked $41 million of revenue in 2023, up from $17 million a year earlier": the $17 million is of 2022,
    not of the year before publication (2024 here)."""
    text = "Rutland, the Denver freight startup, booked $41 million of revenue in 2023, up from $17 million a year earlier."
    got = {m.value: m.as_of.label for m in extract_article(text, published=PUBLISHED).metrics if m.metric == "revenue"}
    assert got == {41e6: "2023", 17e6: "2022"}


def test_everyday_departures_are_each_counted_once() -> None:
    """The departures case above as a sum: five people (three named alone, two together), none twice."""
    text = next(t for cid, t, _ in CASES if cid == "departures-in-everyday-constructions")
    rows = [m for m in extract_article(text, published=PUBLISHED).metrics if m.metric == "departed_talent"]
    assert sorted(m.value for m in rows) == [1, 1, 1, 2]


def test_departures_given_up_presented_moved_on_are_each_counted() -> None:
    """Six people leave in the case above: four alone and two together."""
    text = next(t for cid, t, _ in CASES if cid == "departures-given-up-presented-moved-on")
    rows = [m for m in extract_article(text, published=PUBLISHED).metrics if m.metric == "departed_talent"]
    assert sorted(m.value for m in rows) == [1, 1, 1, 1, 2]


@pytest.mark.parametrize(
    "sentence,qualifier",
    [
        ("Kelvo, a Lagos payments startup, said annual recurring revenue crossed $10 million in October.", "at_least"),
        ("Kelvo, a Lagos payments startup, said annualised revenue had passed $40 million.", "at_least"),
        ("Kelvo, a Lagos payments startup, had surpassed the valuation of US$ 1 billion in March.", "at_least"),
        ("Kelvo, a Lagos payments startup, said revenue was $10 million in October.", "exact"),
        ("Kelvo, a Lagos payments startup, said its valuation shot up to $900 million in October.", "exact"),
    ],
)
def test_a_threshold_passed_is_at_least(sentence: str, qualifier: str) -> None:
    """A figure a company passed, crossed or topped is a lower bound (the annotators' at_least)."""
    rows = extract_article(sentence, published=PUBLISHED).metrics
    assert [m.qualifier for m in rows] == [qualifier]


def test_a_count_worked_out_from_a_share_is_approximate() -> None:
    """"a fifth of its 400 employees" gives 80 layoffs, approx (the annotators' rule for derived counts)."""
    rows = extract_article("Kelvo, a Lagos payments startup, laid off a fifth of its 400 employees in October.",
                           published=PUBLISHED).metrics
    assert [(m.metric, m.value, m.qualifier) for m in rows if m.metric == "layoffs"] == [("layoffs", 80.0, "approx")]


@pytest.mark.parametrize(
    "text,name,kind",
    [
        ("In Peru, the startup of logistics Rapidel, of Lima, counts with 140 collaborators.", "Rapidel", "startup"),
        ("The startups of Francophone Africa remain far behind their neighbours.", "Francophone Africa", None),
        ("Sales were restated. Lender Corvane Credit seized $12 million from the company's accounts.", "Corvane", "investor"),
        ("Griya did termination of work relation (PHK) towards 45 employees. It was the second PHK.", "PHK", None),
        ("Vantor, a London AI lab, raised $50 million. Bigco is said to have tried to acquire Vantor last year.", "Bigco",
         "incumbent"),
        ("Vantor, a London AI lab, is hiring. Zeb Marlow, the former Bigco boss who ran a fund, is making the move.",
         "Zeb Marlow", None),
        ("Three of Kestrel's engineers quit to join rival Povo in June. Povo said nothing.", "Povo", "startup"),
        ("Trevi is the one startup in this group that has been hiring, its founder said. Trevi declined to comment.", "Trevi", "startup"),
        ("Tembo Capital started in 2020 as a freight marketplace. Tembo Capital, a Kampala startup, now lends.", "Tembo Capital", "startup"),
        ("Weftly co-founder Ida Berg said customers kept asking for it. The people at Weftly agreed.", "Weftly", "startup"),
        ("Gallup & Reed puts the market at $20 billion. One of them, Stemly, picked up $55 million this month.", "Stemly", "startup"),
        ("## Quillo picks up $9M for payroll\n\nStaffing agencies that signed with Quillo say payouts got faster.", "Quillo", "startup"),
        ("The Munich start-up Skarn raised money. The Bavarians develop drones.", "Bavarians", None),
        ("Lead investor is the US-American financial investor Harbor Peak, the company said.", "US-American", "nationality"),
        ("Tallo's co-founder left in January to join Merly, the Amsterdam-based rival. Merly has pulled ahead since.", "Merly", "startup"),
        ("In a conversation with DealDesk, Solvi co-founder Rui Costa spoke about costs. DealDesk asked about the round.", "DealDesk", "org"),
        ("Quarterly review\n\nDomira (Peru). The Lima-based home-loan platform raised a $40 million Series B in August.", "Domira", "startup"),
        ("What four startups spend\n\nBrindle. The voice startup was burning about $900k a month in March.", "Brindle", "startup"),
        ("Earlier, Kabir Anand, co-founder of Web3 firm Tokenary, quit to start a fund.", "Web3", None),
    ],
)
def test_names_typed_from_news_constructions(text: str, name: str, kind: str | None) -> None:
    """The name stage alone: a translated descriptor names a startup, a language area is no name, a role noun
    opening the sentence names an investor, an acronym defined for lower-case words is no name; a rival someone
    joins, a company that "started in 2020 as a marketplace", a name set off by commas before its raise, a
    paragraph's label ("Brindle. The voice startup ...") are startups; "The Bavarians" is no name."""
    from extract.document import build_document
    from extract.names import find_names

    idx = find_names(build_document(text, published=PUBLISHED))
    key = idx.canonical(name)
    got = idx.entities[key].kind if key in idx.entities else None
    assert got == kind


def test_role_only_departures_opening_sentences_are_each_counted() -> None:
    """"Its finance chief stepped down", "The company's head of sales quit": two people, one row each."""
    text = next(t for cid, t, _ in CASES if cid == "role-only-departure-opening-a-sentence")
    rows = [m for m in extract_article(text, published=PUBLISHED).metrics if m.metric == "departed_talent"]
    assert [m.value for m in rows] == [1, 1]


def test_figures_read_past_flags_are_quoted_with_them() -> None:
    """Flags are taken out for reading (extract.flags) and every offset and quote is the original text's."""
    text = "Weekly roundup\n\nTecla 🇨🇴 raised a $3 Million Seed round led by Orilla Partners 🇺🇸, it said. 🇲🇽 Pagora 🇵🇪 cut 40 jobs."
    metrics = extract_article(text, published=PUBLISHED).metrics
    assert {(m.company, m.metric, m.value) for m in metrics} == {("Tecla", "funding_raised", 3e6), ("Pagora", "layoffs", 40)}
    for m in metrics:
        assert text[m.char_start : m.char_end] == m.surface
        assert text[m.sentence_start : m.sentence_start + len(m.sentence)] == m.sentence
    assert "🇨🇴" in next(m.sentence for m in metrics if m.company == "Tecla")


def test_an_announced_shutdown_keeps_its_coming_month() -> None:
    """"All 85 of its employees will lose their jobs at the end of June" (published in March): the cut is news,
    kept and dated the coming June (not last June, not dropped as a projection); the staff is 85 now."""
    text = ("Ridewell, the Accra bus-hailing startup, is shutting down, the company told employees on Monday. "
            "All 85 of its employees will lose their jobs at the end of June.")
    rows = {m.metric: m for m in extract_article(text, published=PUBLISHED).metrics}
    assert rows["layoffs"].value == 85 and rows["layoffs"].as_of.start == date(2025, 6, 30)
    assert rows["headcount"].value == 85 and rows["headcount"].as_of.label == "2025-03"
