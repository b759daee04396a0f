# 救助通 (Jiuzhu) — English.

app-name = Jiuzhu
app-page-title = Jiuzhu · Check and apply for social assistance
app-description = Check anonymously which social assistance your household may be entitled to in China — minimum living allowance (dibao), support for people in extreme poverty, temporary, medical and education assistance, disability subsidies — how much, why, and what to bring.

skip-to-content = Skip to content
nav-label = Main navigation
nav-home = Home
lang-switch-label = Language
lang-zh-CN = 简体中文
lang-zh-TW = 繁體中文
lang-en = English

home-heading = Find out which assistance your household can get
home-lead = Answer a few questions about your household to see which social assistance programmes you may qualify for, roughly how much, why, and what documents to bring.
home-promises-heading = Our promises
home-promise-anonymous = Anonymous: no name, no sign-in.
home-promise-local = Your answers stay on this phone. Nothing is sent anywhere until you decide to apply.
home-promise-time = About 3 minutes.
home-layers-heading = Social assistance covers
home-layer-basic = Basic living assistance: the minimum living allowance (dibao), support for people in extreme poverty (tekun), and living support for orphans.
home-layer-special = Specific assistance: medical, education, housing, employment and disaster relief, and disability subsidies.
home-layer-urgent = Emergency assistance: temporary help after a fire, a traffic accident, a sudden serious illness or another emergency.
home-disclaimer = The check gives an estimate only. Whether you qualify, and how much you receive, is decided by the local civil affairs office.

notfound-heading = Page not found
notfound-body = The link may be wrong, or the page has moved.
notfound-home-link = Back to the home page

footer-text = Jiuzhu · Rules taken from published local social assistance documents.
