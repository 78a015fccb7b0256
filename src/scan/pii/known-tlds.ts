/**
 * Top-level domains a bare host name (no scheme, no `www.`) must end in to count as a domain:
 * every country code plus the generic ones people actually type. A curated list rather than the
 * full IANA root zone keeps `report.final` or `config.local` from looking like domains.
 */
export const KNOWN_TLDS: ReadonlySet<string> = new Set(
  (
    // country codes
    'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs ' +
    'bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee ' +
    'eg er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk ' +
    'hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la ' +
    'lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my ' +
    'mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro ' +
    'rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk ' +
    'tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw ' +
    // generic
    'com net org edu gov mil int info biz name pro aero coop museum mobi asia tel travel jobs ' +
    'app dev cloud online site website tech store shop blog xyz top club live news email digital ' +
    'media agency solutions services company network world today space art design studio games ' +
    'health bank insurance law finance capital group center global life work ltd llc gmbh ' +
    'academy systems software codes tools page link click help support host hosting press social ' +
    'chat video music film photo photos pics events community foundation university school ' +
    'tours hotel restaurant cafe consulting marketing legal money credit loans ' +
    'berlin london paris nyc tokyo amsterdam wien swiss'
  ).split(' '),
);

/**
 * File extensions that are not top-level domains people use in addresses, so `logo@2x.png` or
 * `bundle.min.js` are never read as a host name. (`.zip` and `.mov` exist as TLDs but are far more
 * often file names.)
 */
export const FILE_EXTENSIONS: ReadonlySet<string> = new Set(
  (
    'png jpg jpeg gif svg webp bmp ico tif tiff heic pdf doc docx xls xlsx ppt pptx odt csv tsv ' +
    'txt rtf log json yaml yml xml toml ini cfg conf env lock js mjs cjs jsx ts tsx css scss less ' +
    'html htm php rb java kt kts scala swift go c h cpp hpp cs pyc ipynb sql db sqlite exe dll ' +
    'bin iso dmg apk msi deb rpm zip tar gz tgz bz2 xz rar 7z mp3 mp4 mov avi mkv wav flac ogg ' +
    'woff woff2 ttf otf map bak tmp old orig bat ps1 vue svelte'
  ).split(' '),
);

/**
 * Country codes that are more often a file extension (`README.md`, `setup.py`, `run.sh`): a bare
 * host ending in one of them is not reported; with a scheme or `www.` it still is.
 */
export const AMBIGUOUS_TLDS: ReadonlySet<string> = new Set(
  'md py sh rs ps so cc pm ml sc'.split(' '),
);
