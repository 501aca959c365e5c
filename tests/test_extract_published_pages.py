"""What published pages hold around the story, and how their writers put figures, each in text of our own (new
names and numbers): what the extractor must read from it.

A case is added here when the extractor, run on openings of published pages (stored copies of real news, read
outside the repository and annotated by people who never read extract/), missed a figure or read one wrong. Page
furniture comes with the story when a page is read as text (breadcrumbs, picture credits, share buttons, bylines
with a time), and real writers name well-known companies without saying what they are. The expected rows were
worked out by hand from the annotation rules in tests/data/news/README.md, not copied from the program's output.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract import extract_article
from extract.document import build_document
from extract.mentions import Entity
from extract.names import find_names

PUBLISHED = date(2025, 3, 12)


def _entities(text: str) -> dict[str, Entity]:
    """The entities stage 1 finds in ``text`` (names typed from the grammar around them)."""
    return find_names(build_document(text, published=PUBLISHED)).entities


# (id, text, expected rows as (company, metric, value)); rows not listed must not appear
CASES: list[tuple[str, str, set[tuple[str, str, float]]]] = [
    (
        "picture-credit-is-no-company",
        "Layoffs Reach Lending Startups\nHome > Business > Article\n\nLayoffs Reach Lending Startups\n\n"
        "Photo by:   Shutterpix\nShare it!\nDana Fuller By Dana Fuller | Staff Writer - Mon, 03/10/2025 - 09:12\n\n"
        "More lenders are trimming their payrolls this spring. One of them is Orvella, a Denver lending startup backed "
        "by Kiln Ventures and others. The startup was valued at about $300 million last year. The company has laid off "
        "close to 45 people, its chief executive said.",
        {("Orvella", "valuation", 3e8), ("Orvella", "layoffs", 45)},
    ),
    (
        "outlet-reaching-out-is-no-company",
        "Kestrova raises Rs 40 crore from angel networks\n\nKestrova, an electric bus-booking platform, has raised Rs 40 "
        "crore (about $4.8 million) in a pre-Series A round, according to a report.\n\nDealDiary has reached out to "
        "Kestrova on the details of the round and will update this story.\n\nThe round comes a year after the company "
        "raised $2 million in an angel round from a clutch of investors.",
        {("Kestrova", "funding_raised", 4.8e6), ("Kestrova", "funding_raised", 2e6)},
    ),
    (
        "people-after-role-of-the-company-and-set-up-by",
        "Farm-to-shop startups find money again\n\nEdtech firm Padhlo went for a second round of cuts this month. CEO "
        "of the company, Tarun Vellanki, said in an email that it is laying off 7 per cent or 210 employees out of the "
        "3,000.\n\nElsewhere, Korvi, a farm-to-shop platform set up in 2023 by Ravindra P Sethi, Ishita Gowda and Anmol "
        "Singh Bedi, has raised $4 million in a seed round. The Pune-based company will use the money to hire engineers.",
        {("Padhlo", "layoffs", 210), ("Padhlo", "headcount", 3000), ("Korvi", "funding_raised", 4e6)},
    ),
    (
        "layoff-tracker-site-is-no-company",
        "Cuts at Berlin startups go on\n\nWhile Stackly gave no numbers, the data service Layoffs.fyi spoke of 45 jobs "
        "that will be eliminated at the payroll startup.",
        {("Stackly", "layoffs", 45)},
    ),
    (
        "could-target-a-valuation-is-sought",
        "Earlier this year, a newswire reported that Pelliq, the San Francisco online bank, could target a valuation "
        "of nearly $18 billion for a listing in New York.",
        {("Pelliq", "valuation_target", 18e9)},
    ),
    (
        "ipo-range-targeted-without-the-word-valuation",
        "Roomly and Dishwise plan richer listings\n\nRoomly, the home-rental startup, is planning to target a range of "
        "around $21 billion to $24 billion when it starts its roadshow, according to people familiar with the matter.",
        {("Roomly", "valuation_target", 21e9), ("Roomly", "valuation_target", 24e9)},
    ),
    (
        "name-written-with-its-s-before-a-comma",
        "The resignations at Vidyaa’s deepen its crisis\n\nDirectors representing Peak Nine Partners and "
        "Hollin Capital left the board of Vidyaa’s, the Indian education technology giant, on "
        "Thursday.\n\nThe exits are among the biggest crises for Vidyaa’s, valued last year at $12 billion "
        "and backed by the likes of Grayhill Partners. Vidyaa’s board has met twice since. Vidyaa’s lenders "
        "have not commented.",
        {("Vidyaa’s", "valuation", 12e9)},
    ),
    (
        "the-story-company-called-a-giant",
        "Payments giant Rokka faces questions\n\nRokka, the Indian payments giant, has not paid its auditors "
        "for a year, and Rokka executives have stopped answering questions.\n\nRokka raised $250 million in "
        "2023 at a valuation of $8 billion. The Enforcement Directorate has opened an inquiry, and the "
        "Directorate has written to Rokka twice. Rokka said it would cooperate with the Directorate.",
        {("Rokka", "funding_raised", 2.5e8), ("Rokka", "valuation", 8e9)},
    ),
    (
        "investments-plural-is-a-funding-cue",
        "Other notable investments this week included the Lyon bike-rental startup Velio (€12 million).",
        {("Velio", "funding_raised", 12e6)},
    ),
    (
        "a-name-after-its-is-something-the-company-has",
        "Cairo-based health-tech startup Tabeeb has laid off about 10% of its staff. Its LinkedIn profile says it has "
        "300 staff so about 30 workers were laid off.",
        {("Tabeeb", "headcount", 300), ("Tabeeb", "layoffs", 30)},
    ),
    (
        "round-after-a-dash-in-brackets",
        "Top startups which raised funds during the quarter include Zipkart ($120 million - Series D). They were "
        "followed closely by Bolo ($55 million - Series C) and Shiksha Plus ($25 million - Series B).",
        {("Zipkart", "funding_raised", 1.2e8), ("Bolo", "funding_raised", 5.5e7), ("Shiksha Plus", "funding_raised", 2.5e7)},
    ),
    (
        "a-company-cutting-its-staff-is-the-subject",
        "Crypto lenders are shrinking too. Vaultly, which offers crypto-backed loans and savings accounts, slashed its "
        "headcount by 20% on June 13, affecting roughly 90 of its 450 employees.\n\nA month later, while Chatmate (a "
        "chat-based shopping assistant) let go of over 60 employees, the payments company Zentro cut 5% of its staff.",
        {("Vaultly", "layoffs", 90), ("Vaultly", "headcount", 450), ("Chatmate", "layoffs", 60)},
    ),
    (
        "departures-of-a-lab-told-the-wire-way",
        "Velora may be winning the AI boom, but it is losing top executives.\n\nMarta Ilves, Velora's chief technology "
        "officer, announced on Wednesday that she had “made the difficult decision” to leave the AI startup after five "
        "years. After Velora chief executive Tom Brandt was briefly ousted in March, Ilves served as interim leader of "
        "the company.\n\nThe exit comes four months after Velora co-founder and former chief scientist, Ivo Sarr, "
        "resigned from the company. Sarr, who co-led the startup's safety team, was joined by his co-lead, Lena Hoff, "
        "who also resigned in May.",
        {("Velora", "departed_talent", 1)},
    ),
    (
        "title-case-section-headings-name-the-startup",
        "Mexico Finances Remain Strong\n\nMexico’s SHCP touted stability in the public finances this week, as the "
        "central bank presents a report indicating a slowdown in the economy. A very busy week in the finance "
        "section, with more companies earning their horn.\n\nReady? This is the Week in Finance!\n\nUnicorn "
        "Status for Online Grocery Sales Startup Kwikr\n\nLeo Marsh, Co-Founder and CEO, Kwikr, celebrated "
        "Kwikr’s recognition as one of the newest unicorns. Five months after a Series A funding round worth "
        "US$170 million, the company raised US$260 million through a Series B round. The latter made Kwikr one of "
        "the fastest companies to get the label.\n\nPaguito: Another Newborn Unicorn\n\nThe financial technology "
        "startup solution Paguito became a new member of the Mexican unicorn family, after receiving a US$70 "
        "million funding round. Paguito reached the status eight months after starting operations.",
        {("Kwikr", "funding_raised", 1.7e8), ("Kwikr", "funding_raised", 2.6e8), ("Paguito", "funding_raised", 7e7)},
    ),
    (
        "title-case-headline-verb-targets-is-a-cue",
        "China AI Startup Ridgeline Targets £2.4 Billion Valuation\n\nBEIJING — Chinese AI startup Ridgeline is "
        "aiming for a valuation of about £2.4 billion (US$3 billion) as it expands a funding round.",
        {("Ridgeline", "valuation_target", 3e9)},
    ),
    (
        "a-pair-of-figures-shares-the-round-after-the-second",
        "Amsterdam-based Tulpay and Grachtly led the pack, respectively with their €82 and €67 million Series-C rounds.",
        {("Tulpay", "funding_raised", 82e6), ("Grachtly", "funding_raised", 67e6)},
    ),
    (
        "valuation-it-was-valued-by-investors-is-achieved",
        "Squarely, the payments startup, set a price range for its listing. These numbers would value the company at "
        "$4.2 billion at the high end of the price range, some 30% below the $6 billion it was valued by private "
        "investors last year.",
        {("Squarely", "valuation_target", 4.2e9), ("Squarely", "valuation", 6e9)},
    ),
    (
        "hard-wrapped-wire-copy",
        "The\nride-hailing application is in early talks to raise a new round.\nRidely,\nbased in Austin, has raised money "
        "relentlessly in recent years. So far, the company has raised more than\n$2 billion as it moves into new "
        "markets.\nIn\nDecember, Ridely closed a $400 million round of financing that valued it\nat $9 billion.",
        {("Ridely", "funding_raised", 2e9), ("Ridely", "funding_raised", 4e8), ("Ridely", "valuation", 9e9)},
    ),
    (
        "a-headline-rounds-the-body-figure",
        "Money Report\n\nBacked by Bigsoft, Lumio AI raises $600 million at a $5 billion valuation\n\nLumio AI, the Paris "
        "startup, has raised about $600 million at a valuation of about $5.2 billion, the company said on Tuesday.",
        {("Lumio AI", "funding_raised", 6e8), ("Lumio AI", "valuation", 5.2e9)},
    ),
    (
        "the-platform-a-report-is-by-is-a-source",
        "Funding to startups in the country fell to $2.1 billion in the second quarter, according to a report by market "
        "intelligence platform Dealtrack.\n\nThe report highlighted that the top round of the quarter, $200 million, "
        "went to a logistics firm.",
        set(),
    ),
    (
        "evaluation-for-valuation-in-a-rough-copy",
        "What happened: Lumio, the company behind viral chatbot products, is reportedly in talks to raise funds at a "
        "US$9 billion evaluation, a move that would make it one of the most valuable unicorns in the US.",
        {("Lumio", "valuation_target", 9e9)},
    ),
    (
        "translated-divest-positions-is-a-layoff",
        "Pagazo, the Buenos Aires fintech, is shrinking. “That is why we made the difficult decision to divest 53 "
        "positions in the region,” its chief executive said.",
        {("Pagazo", "layoffs", 53)},
    ),
    (
        "a-share-cut-from-the-staff-before",
        "In early February, payments fintech Debitly laid off 20% of its employees, bringing its staff down from 500 to "
        "just over 400 since 2023.",
        {("Debitly", "headcount", 500), ("Debitly", "headcount", 400), ("Debitly", "layoffs", 100)},
    ),
    (
        "wire-ipo-story-with-agency-and-dateline-lines",
        "Associated Press\n\nNEW YORK\n\nPinbox, among the gaggle of tech companies hoping to go public this year, set a "
        "price range Monday for its initial public offering.\n\nThe digital scrapbooking site said the listing could put "
        "the value of the company at about $7 billion. That falls below the estimated $9 billion value from earlier "
        "sales of shares to private investors.",
        {("Pinbox", "valuation_target", 7e9), ("Pinbox", "valuation", 9e9)},
    ),
    (
        "valuation-after-raising-is-reached-even-in-talks",
        "Ridely, the ride-hailing startup, is in early fundraising talks less than six months after raising $1.2 billion "
        "at a $17 billion valuation in a Series D in June.",
        {("Ridely", "funding_raised", 1.2e9), ("Ridely", "valuation", 17e9)},
    ),
    (
        "would-value-a-long-description-at",
        "Nov 15 (Reuters) - Billionaire Elon Musk's Rocketco is in talks to raise funding in a round that would value "
        "the rocket-launch and satellite company at more than $150 billion, a newswire reported on Tuesday.",
        {("Rocketco", "valuation_target", 1.5e11)},
    ),
    (
        "venture-capital-in-general-is-no-company-figure",
        "Quidbank, the London digital bank, raised £75 million last week. Late-stage private-equity investment rose by "
        "57 per cent to $1.6 billion, while venture capital dipped to $1.7 billion as the UK fintech sector continues to "
        "mature.",
        {("Quidbank", "funding_raised", 7.5e7)},
    ),
    (
        "a-startup-called-by-its-app-and-the-rival-it-is-compared-with",
        "Tigerline leads $30 million funding in Indian Twitter rival Bolo\n\nInvestors are backing Bolo, an "
        "Indian alternative to Twitter, at a time of tension between the American social network and New "
        "Delhi.\n\nThe Indian startup said on Wednesday it has raised $30 million in a financing round led by "
        "Tigerline.\n\nLike Twitter, Bolo app lets "
        "users post in English and half a dozen Indian languages. The app has grown in recent months.",
        {("Bolo", "funding_raised", 3e7)},
    ),
    (
        "stepped-back-from-the-company",
        "Acme, the AI startup, has lost another founder. Co-founder Jane Roe stepped back from the company last month "
        "amid health problems.",
        {("Acme", "departed_talent", 1)},
    ),
    (
        "sector-counts-of-startups-are-no-company",
        "Gulf startup funding slowed in May\n\nIn May, eleven Qatari startups raised $38.2 million, helped by "
        "Dunelo’s $21 million Series A. Meanwhile, six startups in Oman raised $9 million, while Bahrain "
        "again trailed as four startups raised $3.7 million.",
        {("Dunelo", "funding_raised", 2.1e+07)},
    ),
    (
        "a-continent-total-is-no-company",
        "Kenya led the region in October\n\nSokoni, a Nairobi B2B marketplace, raised $40 million this month. "
        "The continent secured a total of $412.6 million in funding in October, according to the tracker. Of "
        "that amount, Kenyan startups’ share stood at $188 million.",
        {("Sokoni", "funding_raised", 4e+07)},
    ),
    (
        "a-weeks-deals-totalling-are-no-company",
        "Brakko, a Milan freight app, raised €40 million on Tuesday. This week we tracked 9 acquisitions and "
        "48 funding deals (totalling €620 million, about $670 million) across Europe and Israel.",
        {("Brakko", "funding_raised", 4e+07)},
    ),
    (
        "reported-to-be-raising-is-sought",
        "Zoomly was last valued at $500 million after closing $120 million in Series B funding in March. In "
        "late June, Zoomly was reported to be raising $200 million in Series C funding led by Pine Hill "
        "Capital.",
        {("Zoomly", "funding_raised", 1.2e+08), ("Zoomly", "valuation", 5e+08)},
    ),
    (
        "discussions-to-secure-are-sought",
        "Chatterly, the Bengaluru social app, is in the final stages of discussions to secure about $60 "
        "million in new funding, according to two people familiar with the matter. It raised $25 million last "
        "year.",
        {("Chatterly", "funding_raised", 2.5e+07)},
    ),
    (
        "negotiation-to-lead-a-round-is-sought",
        "Basketly, a grocery startup, raised $10 million in 2023. According to a newsletter, Kiln Global is "
        "in the last stage of negotiation to lead a $90 million funding round in Basketly.",
        {("Basketly", "funding_raised", 1e+07)},
    ),
    (
        "investors-who-will-commit-are-planned",
        "Medlo, an online pharmacy startup, raised $30 million in March. Its planned fundraise is set to see "
        "participation from existing investors, who have indicated they will commit about $80 mn in the new "
        "round.",
        {("Medlo", "funding_raised", 3e+07)},
    ),
    (
        "a-round-that-would-bring-a-total-is-conditional",
        "Zoomly has raised $700 million so far. Zoomly is already the most valuable private company in its "
        "city, and a new round would bring its total amount raised to $1.1 billion.",
        {("Zoomly", "funding_raised", 7e+08)},
    ),
    (
        "an-organisation-subject-past-its-relative-clause",
        "Abundo raises $5 million\n\nAbundo, a remittance startup, raised $5 million. The round was led by Kiln "
        "Ventures.\n\nLedgerleaf, which is the country’s largest bookkeeping platform, completed a $ 50 million "
        "series-D funding. It included new and current investors.",
        {("Abundo", "funding_raised", 5e6), ("Ledgerleaf", "funding_raised", 5e7)},
    ),
    (  # (the round's letter now ends its sentence: the talk of a valuation is read as sought by its own words)
        "a-fund-that-talked-about-a-valuation-is-sought",
        "How we ran Frindle out of money\n\nFrindle, our Lisbon startup, ran low on cash in 2024. Last summer we "
        "tried to raise a Series B. The best conversation we had was with a growth fund that talked about a €90 "
        "million valuation. It never became a term sheet.",
        {("Frindle", "valuation_target", 9e7)},
    ),
    (  # (a paragraph break lost when the page was read as text: the total is not part of the sentence about debt)
        "a-lost-paragraph-break-after-a-period",
        "Kornet raises $30 million\n\nKornet, a Jakarta logistics startup, has raised $30 million in new funding. In "
        "December, lenders renegotiated the terms of its debt, including faster repayment of part of the loan.Kornet "
        "has raised more than $90 million to date.",
        {("Kornet", "funding_raised", 3e7), ("Kornet", "funding_raised", 9e7)},
    ),
    (
        "a-headcount-cut-from-one-bare-number-to-another",
        "Tandor, the London mobile bank startup, has also cut its headcount from around 120 at the end of last year "
        "to close to 80.",
        {("Tandor", "headcount", 120), ("Tandor", "headcount", 80)},
    ),
    (
        "a-headcount-that-dropped-by-a-share-to-a-number",
        "Verifio, the identity-check startup, said in its annual report that its average employee headcount dropped "
        "by 19% to 224.",
        {("Verifio", "headcount", 224)},
    ),
    (  # (a translated German copy: "müssen gehen")
        "employees-who-have-to-leave",
        "Layoffs at Berlin startups continue\n\nAround 120 employees have to leave Steuerly, the Berlin tax app "
        "startup.",
        {("Steuerly", "layoffs", 120)},
    ),
    (
        "a-share-spelled-out-and-thus-a-count",
        "The online coaching startup Mentiva recently parted ways with ten percent of its workforce and thus around "
        "80 employees.",
        {("Mentiva", "layoffs", 80)},
    ),
    (
        "a-field-of-ai-is-no-company",
        "Generative AI darling was on track to pay $99M on compute to generate just $11M in revenues\n\nThe "
        "computing bill of Pixtral keeps growing. Pixtral, the London model-maker, has raised $100M since 2022.",
        {("Pixtral", "revenue", 11e6), ("Pixtral", "funding_raised", 1e8)},
    ),
    (
        "a-title-case-headline-that-fires-after-raising",
        "Kirana Fires 120 Employees Within A Week Of Raising $340 Mn\n\nThe layoffs come as the company "
        "restructures its teams, sources said.",
        {("Kirana", "layoffs", 120), ("Kirana", "funding_raised", 340e6)},
    ),
    (
        "a-backed-modifier-is-no-aside",
        "Cyber startup Vaultwise gathers $30 million; Pitango-backed Eggwell fires a third of its 90 workers\n\n"
        "Vaultwise, which protects identities in the cloud, has 85 employees.",
        {("Vaultwise", "funding_raised", 3e7), ("Vaultwise", "headcount", 85), ("Eggwell", "layoffs", 30),
         ("Eggwell", "headcount", 90)},
    ),
    (
        "a-valuation-cut-by-an-amount-is-a-change",
        "Down rounds spread\n\nStrapwell, the fitness-tracker startup, cut its valuation by $1.5 billion in a $165 "
        "million down round that it mostly raised from a Gulf fund in January.",
        {("Strapwell", "funding_raised", 165e6)},
    ),
    (
        "a-name-right-before-its-verb-and-figure",
        "Three things to know today\n\n1. Clubgo, the audio app startup, was valued at about $1 billion in January.\n\n"
        "2. Arjun Mehtani was just 24 when he made the Forbes 30 Under 30 list for his biotech R&D startup, Lablink. "
        "Today, Mehtani joins the ranks of unicorn founders as Lablink hits a $4 billion valuation.",
        {("Clubgo", "valuation", 1e9), ("Lablink", "valuation", 4e9)},
    ),
    (
        "a-few-words-quoted-from-a-source-are-the-writers",
        "Deal of the week\n\nKlarapay, an open banking provider for West Africa, raised a $15M Series A at a valuation "
        "“north of $100M.” Its chief executive said: “We will hire 40 engineers, and we want to be worth $1 billion.”",
        {("Klarapay", "funding_raised", 15e6), ("Klarapay", "valuation", 1e8)},
    ),
    (
        "a-peak-told-after-a-valuation",
        "Kiranko, the B2B e-commerce startup, raised $340 million in December 2023 at a valuation of approximately "
        "$1.8 billion, down from its peak of $3.2 billion in 2021.",
        {("Kiranko", "funding_raised", 340e6), ("Kiranko", "valuation", 1.8e9), ("Kiranko", "valuation", 3.2e9)},
    ),
    (
        "a-round-which-would-value-it-around",
        "Scooter news\n\nZipper is now raising additional funds in its series C round, seeking a total of $300 million, "
        "which would value it around $2 billion, sources familiar with the deal said.",
        {("Zipper", "valuation_target", 2e9)},
    ),
    (
        "funding-that-could-be-highly-valued",
        "Xylo, an artificial intelligence startup, is in talks to raise new funding that could be highly valued from "
        "$80 billion to $120 billion.",
        {("Xylo", "valuation_target", 8e10), ("Xylo", "valuation_target", 1.2e11)},
    ),
    (
        "an-investor-likely-to-value-the-company",
        "Kiln Global's big bets\n\nKiln Global is in the last stage of negotiation to lead a $100Mn funding round in social "
        "media startup Chatterbox. Kiln Global is likely to value the company at around $400 Mn.",
        {("Chatterbox", "valuation_target", 4e8)},
    ),
    (  # (the extractor's convention: the people named together are one row, their number)
        "a-list-of-leavers-after-departures-include",
        "Exodus at Quillmind\n\nQuillmind co-founder Tara Voss left in May. Other recent high-profile Quillmind "
        "departures include general counsel Robert Kaine, communications executives Dave Holm and John Starr, head of "
        "product engineering Hao Lin, and CFO Mike Lorimer, who left for a role at a rival after just 102 days.",
        {("Quillmind", "departed_talent", 1), ("Quillmind", "departed_talent", 5)},
    ),
    (
        "companies-like-a-named-one-which-raised",
        "Saudi's top startups\n\nStartups on the list had to be no more than seven years old, excluding companies like "
        "Saudi Arabia’s fintech Tabqa, which raised a total of $198 million, and the UAE’s cloud kitchen Kitchenly, "
        "which raised $804 million in total funding. The study followed 400 companies that have raised $40 million.",
        {("Tabqa", "funding_raised", 198e6), ("Kitchenly", "funding_raised", 804e6)},
    ),
    (  # (a figure in brackets after a name is no name of its own, and the name before it opens a list item)
        "a-roundups-figures-in-brackets-after-a-colon",
        "Monthly roundup for the Italian Tech Community\n\nBetween January and June, 212 Italian startups raised a total "
        "of €1.9 billion. The top rounds: Fidora (€90M), Plinko (€60M) and Zestra (€45M).",
        {("Fidora", "funding_raised", 9e7), ("Plinko", "funding_raised", 6e7), ("Zestra", "funding_raised", 4.5e7)},
    ),
    (  # ("Spanish Tech" is the country's start-up scene; "it" is the sentence's subject, not the next paragraph's startup)
        "it-in-a-later-clause-is-the-sentences-subject",
        "Spanish Tech News: a record week\n\nOn Oct. 2, Velora set a new Spanish Tech record when it announced a €310m "
        "Series C round for its logistics platform. Later that day, payments platform Klinq trumpeted a €120m round.",
        {("Velora", "funding_raised", 3.1e8), ("Klinq", "funding_raised", 1.2e8)},
    ),
    (  # (a report's title is no company; a year that "ended up with" a sum is the scene's total; two startups that
        # open the sentence as one subject of a raise each raised it)
        "a-scenes-report-a-years-total-and-two-startups-that-raised",
        "Belgian startups pulled in €2 billion\n\nIn the first half of 2024, Belgian startups together raised a whopping "
        "€900 million. A year ago, Belgian startups managed to raise €300 million in the same period while the entire "
        "year of 2023 ended up with €1.2 billion in funding. This is shown in the Half-Yearly Startup Report, compiled by "
        "several industry groups.\n\nGhent-based Nexabird and Payvo led the pack, respectively with their €123 and €72 "
        "million Series C rounds. Challenger bank Lumo and fashion retail disrupter Stylr, also based in Ghent, raised "
        "more than €50 million.",
        {("Nexabird", "funding_raised", 1.23e8), ("Payvo", "funding_raised", 7.2e7), ("Lumo", "funding_raised", 5e7),
         ("Stylr", "funding_raised", 5e7)},
    ),
    (  # (a listicle whose section headings ran into their paragraphs: each heading's name opens its section)
        "section-headings-run-into-their-paragraphs",
        "Startups cut jobs\n\nHere is a look at some of the others. Trendo Social commerce start-up Trendo laid off 150 "
        "employees in April from its grocery division. Padhlo Edtech firm Padhlo went for a second round of lay-offs in "
        "May. CEO of the company, Tarun Vellanki, said the company is laying off about 7 per cent or 210 employees out of "
        "the 3,000. Kalvi Softbank backed edtech unicorn, Kalvi, laid off nearly 600 employees, constituting 10 per cent "
        "of its workforce.",
        {("Trendo", "layoffs", 150), ("Padhlo", "layoffs", 210), ("Padhlo", "headcount", 3000), ("Kalvi", "layoffs", 600)},
    ),
    (  # (but a name whose first word comes back as a product's name is whole: no heading run into it)
        "a-name-whose-first-word-is-also-its-product",
        "Quillpay Pay, the maker of the Quillpay invoicing platform, today announced a $40 million Series B.",
        {("Quillpay Pay", "funding_raised", 4e7)},
    ),
    (  # (an opening in small capitals names a nationality; the name the next sentences call "the ... start-up" is one;
        # a founder who "had gone to the Pune office" went on an errand, not away)
        "the-start-up-a-later-sentence-describes",
        "THE INDIAN start-up scene went through a rough patch. In early November, Owlbite found itself in a crisis when "
        "four of its co-founders were held in its offices in Delhi and Pune by laid-off staff. One of the founders, Ravi "
        "Menon, who had gone to the Pune office to break the news of shutting shop, was held for over 36 hours. In "
        "September, the Mumbai-based food delivery start-up had started its first round of lay-offs that resulted in "
        "about 200 employees being shown the door.\n\nA month later, global restaurant discovery service company Dinely "
        "cut 10% of its global workforce of 3,000 employees.",
        {("Owlbite", "layoffs", 200), ("Dinely", "layoffs", 300), ("Dinely", "headcount", 3000)},
    ),
    (  # (the staff as the last item of a list of what the company has; "boasted" as "had")
        "the-staff-last-in-a-list-of-what-it-has",
        "Kapito, an Egyptian B2B e-commerce startup, has 1,000 sellers, 600 trucks and over 2,000 employees. Its rival "
        "Souqly boasted 900 employees before the downturn.",
        {("Kapito", "headcount", 2000), ("Souqly", "headcount", 900)},
    ),
    (  # (a name in quotation marks after its owner's possessive raised; a list of rounds in brackets after their names)
        "a-quoted-name-and-a-list-of-rounds-in-brackets",
        "This week's ten biggest tech stories\n\n1) Launchpad Holding’s ‘Global Style Group’ picked up €300 million in "
        "funding at a €1 billion valuation.\n\n8) Other notable investments in Europe included France-based car rental "
        "marketplace startup Drivo (€31 million) and p2p-lender Lendora ($13.5 million), and German IoT tech company "
        "Thermio ($23 million).",
        {("Global Style Group", "funding_raised", 3e8), ("Global Style Group", "valuation", 1e9), ("Drivo", "funding_raised", 3.1e7),
         ("Lendora", "funding_raised", 1.35e7), ("Thermio", "funding_raised", 2.3e7)},
    ),
    (  # (a clause about the whole scene after the startup's own round)
        "the-scenes-total-after-a-named-startups-round",
        "Tahsila cuts staff as rivals raise\n\nTahsila, the Cairo payments startup, let go of 40 employees. Its rival "
        "Sarrafly announced in January a raise of $8 million in a seed round, while the Egyptian emerging companies "
        "collected about $330 million during 2024, according to a data platform.",
        {("Tahsila", "layoffs", 40), ("Sarrafly", "funding_raised", 8e6)},
    ),
    (  # (a quotation the writer forgot to close ends where the next one opens: the closing line is the writer's again)
        "an-unclosed-quotation-ends-at-the-next-one",
        "Ridely raises $80 million\n\nRidely, the Tel Aviv ride-hailing startup, said it had secured $80 million in new "
        "funding. Ridely will be profitable by next year, “well ahead of the competition, said its chief executive Dan "
        "Sela. “Berlin is our fastest growing market,” Sela said. Ridely has raised more than $700 million in funding, "
        "including $300 million from Bigcar in 2016.",
        {("Ridely", "funding_raised", 8e7), ("Ridely", "funding_raised", 7e8), ("Ridely", "funding_raised", 3e8)},
    ),
    (  # (a round as the object of a raise whose subject follows it; "on top of the $1 billion" is no part of a whole)
        "the-sum-a-company-raised-told-object-first",
        "Chatterly and Robinfund go back to investors\n\nChatterly, the audio app, is raising again. A news site said "
        "the new round was likely larger than the $100 million Chatterly raised in a previous round.\n\nRobinfund, the "
        "trading startup, announced $2.4 billion in new funding, on top of the $1 billion it secured last Friday.",
        {("Chatterly", "funding_raised", 1e8), ("Robinfund", "funding_raised", 2.4e9), ("Robinfund", "funding_raised", 1e9)},
    ),
    (  # (a roundup item led by its name alone, then "The Colombian ... company, one of the best-funded startups in the
        # country, laid off": the description is the subject, not the startups of the aside; a cut "announced" as plans)
        "a-described-company-among-startups-and-announced-plans",
        "Layoffs in Latin America\n\nFrubi. The Mexican grocery app cut 150 workers in April.\n\nKuro. The Colombian "
        "hardware supply company, one of the best-capitalised startups in the country, laid off more than 100 employees, "
        "according to a local outlet.\n\nThis news comes after Cairo-based mobility startup Swiftly announced plans to "
        "lay off 32% of its workforce—400 people—in May. The UK insurtech sector raised just $640m last year.",
        {("Frubi", "layoffs", 150), ("Kuro", "layoffs", 100), ("Swiftly", "layoffs", 400)},
    ),
    (  # (the company valued, described between commas before "at")
        "a-valuation-of-a-company-described-between-commas",
        "Chatsy in talks\n\nTalks currently value Chatsy, the Bengaluru social app, at less than $1.5 billion, the sources "
        "said.",
        {("Chatsy", "valuation_target", 1.5e9)},
    ),
    (  # (the valuation a price in talks is "a sharp decline from" was reached)
        "a-decline-from-the-valuation-reached",
        "Chatsy in talks at a lower price\n\nTalks that are still ongoing currently value Chatsy at less than $1.5 "
        "billion, a sharp decline from the $4.9 billion valuation at which Chatsy raised last year, the sources said.",
        {("Chatsy", "valuation_target", 1.5e9), ("Chatsy", "valuation", 4.9e9)},
    ),
    (  # ("both permanent and contract workers" counts no two people; a "Related:" line links to another story)
        "both-kinds-of-workers-and-a-related-link",
        "Jakarta startups cut staff\n\nGojo, the Jakarta ride-hailing startup, laid off more than 100 employees in the "
        "final quarter. The move affected both permanent and contract workers across divisions.\n\nRelated: Mexico's "
        "credit challenger Klaro lands $15m Series A",
        {("Gojo", "layoffs", 100)},
    ),
    (  # (a Chinese legal name opens with its city; the company, described between commas, is raising: a startup)
        "a-legal-name-opening-with-its-city",
        "China Robotics Firm Seeks Funds at $1 Billion Valuation\n\n(Wirepost) -- Shenzhen Brightwave Robotics Co., a "
        "maker of warehouse robots, is looking to raise new money at a valuation of about $1 billion, according to people "
        "familiar with the matter.\n\nBrightwave says it employs about 300 people across Shenzhen and Wuhan.",
        {("Brightwave Robotics Co", "valuation_target", 1e9), ("Brightwave Robotics Co", "headcount", 300)},
    ),
    (  # (a named leaver "and two other" executives: three people)
        "a-named-leaver-and-two-others",
        "Learnwell loses its leaders\n\nLearnwell, the Bengaluru edtech startup, said its chief operating officer, Deepak "
        "Menon, and two other senior executives have also resigned.",
        {("Learnwell", "departed_talent", 3)},
    ),
    (  # ("each valued above" gives every company of the list the figure; what they raised "between them" is no one's)
        "each-valued-and-between-them",
        "Private giants wait to list\n\nLondon payments firm Orbipay, Berlin freight platform Kargoly and Lisbon neobank "
        "Bancolux are each valued above $8 billion, and between them have raised about $6 billion.",
        {("Orbipay", "valuation", 8e9), ("Kargoly", "valuation", 8e9), ("Bancolux", "valuation", 8e9)},
    ),
    (  # (a valuation told object first: "the $1.3 billion it reached in its last round")
        "a-valuation-told-object-first",
        "Vellumo raises again\n\nVellumo, the legal AI start-up, is far from the $1.3 billion it reached in its last "
        "funding round, its chief executive said.",
        {("Vellumo", "valuation", 1.3e9)},
    ),
    (  # ("parted with", "removed another 90 roles"; a share before "another" cut is a cut of its own; a share that comes
        # within 2% of a count stated elsewhere is that cut)
        "parted-with-removed-another-and-a-restated-share",
        "Software vendors cut again\n\nMentoro, the Chennai edtech startup, parted with around 70 employees last month.\n\n"
        "Berlin's Vantri, a software vendor for logistics firms, cut 12% of its 600-strong workforce in March, then "
        "removed another 90 roles in June.\n\nCoverlo, the New York insurance broker, is cutting 1,100 jobs. The "
        "layoffs removed roughly 12% of the staff of the broker, which had about 9,200 employees.",
        {("Mentoro", "layoffs", 70), ("Vantri", "layoffs", 72), ("Vantri", "layoffs", 90), ("Vantri", "headcount", 600),
         ("Coverlo", "layoffs", 1100), ("Coverlo", "headcount", 9200)},
    ),
    (  # (cash burnt over a stated span is divided by its months; "of cash in 2025" is spending, not a cash balance)
        "burn-over-a-stated-span",
        "Three startups that ran out of road\n\nKvaltex, the Berlin fintech, burnt through about $216 million of cash in "
        "2025.\n\nHarvesto, the farm startup, burned through $108 million of cash over the same nine months.\n\nTallia, "
        "the Delhi startup, burned through about $120 million over its last two years.",
        {("Kvaltex", "burn_rate", 1.8e7), ("Harvesto", "burn_rate", 1.2e7), ("Tallia", "burn_rate", 5e6)},
    ),
    (  # (monthly recurring revenue is revenue; a "TL;DR" heading names nothing)
        "mrr-and-a-tldr-heading",
        "Quillstak public update: October numbers\n\nTL;DR: growth is back.\n\nQuillstak, the SaaS startup, said its MRR "
        "grew to $61,200 in October.",
        {("Quillstak", "revenue", 61200)},
    ),
    (  # (a founder's "public update" names its company; a heading after a keycap number ("3️⃣ Wins") opens its line)
        "a-founders-public-update-with-keycap-headings",
        "Quillstak public update #14: October numbers\n\n1️⃣ TL;DR\n\n↳ MRR up 14% month on month\n\n2️⃣ The numbers\n\n"
        "MRR grew to $61,200 in October and net burn fell to $95K a month.\n\n3️⃣ Wins\n\nWe signed two logistics "
        "customers.",
        {("Quillstak", "revenue", 61200), ("Quillstak", "burn_rate", 95000)},
    ),
]


@pytest.mark.parametrize("case_id,text,expected", CASES, ids=[c[0] for c in CASES])
def test_published_page_construction(case_id: str, text: str, expected: set[tuple[str, str, float]]) -> None:
    got = {(m.company, m.metric, m.value) for m in extract_article(text, published=PUBLISHED).metrics}
    assert got == expected, f"{case_id}: missing {expected - got}, extra {got - expected}"


#: a well-known company the story is about, named again and again but never called a startup (its first
#: sentence with the stray comma of a hurried rewrite)
WELL_KNOWN = (
    "Ridewell, has now made a filing public, according to which the company closed a round of about $800 million in "
    "April, lifting its valuation to $30 billion.\nAccording to a newspaper report, the investors in the round include "
    "Pinecrest Holdings and Korean media company Hanmi Digital. Including this round, the company has raised $4.1 "
    "billion from 14 investors.\nInterestingly, Ridewell has passed the $30 billion mark in five years, faster than "
    "Facebook.\nWhen Facebook got there it had revenues of $2 billion, while Ridewell has reported $300 million in "
    "revenues last year.\nIn a statement, an official Ridewell spokesperson said the filing was public.\nWe are not "
    "commenting on speculation, the spokesperson added.\nThe firm owes its rise to an aggressive push abroad, and "
    "Ridewell now runs in more than 200 cities.\nMany outlets had covered the round in April, when Ridewell filed its "
    "charter.\nIn December, Zhonglu, the Chinese phone maker, was the most valued private start-up at $26 billion. "
    "Now, Ridewell's new round takes it past Zhonglu."
)


def test_a_company_the_story_keeps_naming_is_its_startup() -> None:
    """Named seven times, twice as often as any other company, from the first paragraph on, with nothing saying it
    invests, is big, or is where people went: the story's company, and its round, valuation and revenue are its own
    (not those of Facebook, which the story compares it with)."""
    assert _entities(WELL_KNOWN)["Ridewell"].kind == "startup"
    got = {(m.company, m.metric, m.value) for m in extract_article(WELL_KNOWN, published=PUBLISHED).metrics}
    assert {("Ridewell", "funding_raised", 8e8), ("Ridewell", "valuation", 3e10), ("Ridewell", "revenue", 3e8)} <= got
    assert not any(c == "Facebook" and metric != "revenue" for c, metric, _ in got)


@pytest.mark.parametrize("text,word", [
    ("In addition to his departure, head of PR and communications Tomas Reiter is also leaving Quillo.", "PR"),
    ("Orvik, a biotech R&D startup, hit a $2 billion valuation.", "R&D"),
    ("Layoffs at startups continue\n\nQuillo cut 40 jobs.", "Layoffs"),
    ("Quillo cut 40 jobs.\nPRINCE RUPERT’S NOW AN ADVISER AT A $3 BILLION COMPANY: If you work in tech, equity is how you get rich.",
     "PRINCE RUPERT’S"),  # (a newsletter item's heading in capitals, before its colon)
])
def test_a_function_or_a_metric_word_is_no_name(text: str, word: str) -> None:
    """"head of PR", "R&D startup", a headline's "Layoffs", a newsletter item's heading in capitals: capitalised words
    that name no company."""
    assert word not in _entities(text)


def test_each_named_leaver_of_a_lab_is_counted_once() -> None:
    """Ilves (a decision to leave, told through "she"), Sarr and Hoff (", who also resigned", after Sarr's own
    relative clause) left; Brandt, "briefly ousted", came back and is no one's dismissal: three rows of one."""
    text = next(t for cid, t, _ in CASES if cid == "departures-of-a-lab-told-the-wire-way")
    rows = [m for m in extract_article(text, published=PUBLISHED).metrics if m.metric == "departed_talent"]
    assert sorted((m.company, m.value) for m in rows) == [("Velora", 1)] * 3


def test_jan_is_also_a_given_name() -> None:
    """"Jan Leike, who also resigned in May": "Jan" opens a person's name, not only a month ("In Jan 2024")."""
    text = ("Velora is losing executives.\n\nThe exits come four months after Velora co-founder and former chief "
            "scientist, Ivo Sarr, resigned from the company. Sarr, who co-led the startup safety team, was joined by "
            "his co-lead, Jan Hoff, who also resigned in May. In Jan 2025, Velora raised $40 million.")
    got = sorted((m.company, m.metric, m.value) for m in extract_article(text, published=PUBLISHED).metrics)
    assert got == [("Velora", "departed_talent", 1), ("Velora", "departed_talent", 1), ("Velora", "funding_raised", 4e7)]


def test_a_rounds_letter_ends_a_sentence() -> None:
    """"... Dunelo's $21 million Series A. Meanwhile, ...": the letter of a round is no initial (the next sentence is
    read alone), while "J. K. Rowling" keeps its initials."""
    from extract.sentences import split_sentences

    text = "It raised $21 million in a Series A. Meanwhile, Bo raised. J. K. Rowling wrote."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "It raised $21 million in a Series A.", "Meanwhile, Bo raised.", "J. K. Rowling wrote."]


def test_an_investor_described_as_one_before_its_name() -> None:
    """"a fresh round from US-based investment firm Harlow Kemp": the description says it invests."""
    text = ("Byteleaf raises $250 million\n\nEdtech major Byteleaf has raised $250 million in a fresh round from "
            "US-based investment firm Harlow Kemp, said a person aware of the development.")
    assert _entities(text)["Harlow Kemp"].kind == "investor"
