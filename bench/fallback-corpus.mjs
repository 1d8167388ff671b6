// A small built-in corpus, used when ../shared/data/bbc-news.jsonl.gz is absent (e.g. in a
// user's clone). Written for this benchmark: invented events, real-looking structure (datelines,
// quotes with speakers, names, organisations, places, absolute and relative dates).
export const FALLBACK_ARTICLES = [
  `Council approves new tram line after two-year debate
LEEDS, March 14, 2019 - The city council on Wednesday approved a £480m tram line linking the
station to the eastern suburbs, ending a debate that began in early 2017.
"This is the most important transport decision the city has made in a generation," said council
leader Judith Blake, who chaired the four-hour meeting.
Opposition councillor Andrew Carter said the plan was "a gamble with public money" and warned
that construction would close Briggate for at least 18 months.
The West Yorkshire Combined Authority will now ask the Department for Transport for funding.
Work could start next spring, with the first trams running by December 2023, officials said.
A public consultation last year drew more than 6,000 responses, according to the council.
“We listened,” Ms Blake told reporters after the vote. “The route changed three times because
people told us where they actually need to go.”`,

  `Storm Ellen leaves thousands without power in Ireland
DUBLIN (Reuters) - More than 190,000 homes and businesses lost power on Thursday as Storm Ellen
brought gusts of up to 120 km/h to the south and west of Ireland, the ESB network said.
Met Éireann issued a red warning for Cork and Kerry from 9pm until 3am on Friday.
"People should stay indoors and away from the coast tonight," said Evelyn Cusack, head of
forecasting at Met Éireann. "This is a dangerous storm."
Transport Minister Eamon Ryan said emergency crews had been on standby since Tuesday.
Flights from Shannon Airport were cancelled and Irish Rail suspended services west of Limerick.
The storm is the second to hit the country in a week, after Storm Francis on August 12.
Insurers said it was too early to estimate the cost, but a similar storm in October 2017 caused
damage of about €70m, according to Insurance Ireland.`,

  `Tech firm fined over data breach
A London-based software company has been fined £1.2m by the Information Commissioner's Office
for failing to protect the personal data of 340,000 customers.
The breach, discovered on 3 June 2018, exposed names, addresses and partial card numbers after
attackers exploited a flaw that had been reported to the firm six months earlier.
"Companies cannot treat security warnings as optional," said deputy commissioner James Dipple-Johnstone.
The company, Northwind Systems, said in a statement that it "deeply regrets" the incident and had
since hired an independent auditor. Its chief executive, Priya Raman, resigned in September.
Shares in the firm fell 7% on Monday morning before recovering slightly by the afternoon.
Consumer group Which? said the penalty was "a welcome signal" but called for compensation for
the customers affected. The firm has 28 days to appeal.`,

  `Olympic champion announces retirement at 31
Two-time Olympic champion Laura Kenny announced her retirement from track cycling on Tuesday,
three weeks after winning a world title in Paris.
"I always said I would stop when I stopped enjoying the hard days, and that day has come,"
Kenny, 31, wrote on social media. She won gold at London 2012 and Rio 2016.
British Cycling performance director Stephen Park said her record "will stand for decades".
Kenny said she would spend the next few months with her family in Cheshire before deciding
what to do next. Her husband, Jason Kenny, retired in 2022.
The governing body said a farewell event would be held at the Manchester velodrome on 19 May.
“She changed what young riders believe is possible,” Park added. “We owe her a great deal.”`,
];
