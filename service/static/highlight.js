// A small syntax highlighter for the three languages the sandbox runs: keywords, strings, comments, numbers, a few
// well-known names and (C++) preprocessor lines. One sticky regular expression per language, tried at each
// position; what none of its alternatives match is plain text. Tokens joined give back the code exactly.

const words = (text) => new Set(text.trim().split(/\s+/));

const PYTHON = {
  keywords: words(`False None True and as assert async await break case class continue def del elif else except
    finally for from global if import in is lambda match nonlocal not or pass raise return try while with yield`),
  builtins: words(`abs all any bin bool bytes chr dict divmod enumerate filter float format frozenset hash hex id
    input int isinstance iter len list map max min next object oct open ord pow print range repr reversed round
    set slice sorted str sum super tuple type zip self`),
  pattern: new RegExp([
    /(?<comment>#[^\n]*)/,
    /(?<string>[rRbBuUfF]{0,2}(?:'''[\s\S]*?(?:'''|$)|"""[\s\S]*?(?:"""|$)|'(?:[^'\\\n]|\\[\s\S])*'?|"(?:[^"\\\n]|\\[\s\S])*"?))/,
    /(?<number>0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)/,
    /(?<word>[A-Za-z_][A-Za-z0-9_]*)/,
  ].map((part) => part.source).join("|"), "y"),
};

const CPP = {
  keywords: words(`alignas alignof auto bool break case catch char class const constexpr const_cast continue
    decltype default delete do double dynamic_cast else enum explicit extern false float for friend goto if inline
    int long mutable namespace new noexcept nullptr operator private protected public register reinterpret_cast
    return short signed sizeof static static_assert static_cast struct switch template this throw true try typedef
    typename union unsigned using virtual void volatile while`),
  builtins: words(`std vector string map set unordered_map unordered_set pair tuple queue deque stack priority_queue
    array bitset cin cout cerr endl printf scanf puts getchar sort min max swap size_t int64_t uint64_t int32_t
    make_pair emplace_back push_back begin end ios_base`),
  preprocessor: true,
  pattern: new RegExp([
    /(?<comment>\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))/,
    /(?<string>(?:u8|[uUL])?R"(?<delimiter>[^()\\\s]{0,16})\([\s\S]*?(?:\)\k<delimiter>"|$)|(?:u8|[uUL])?"(?:[^"\\\n]|\\[\s\S])*"?|(?:u8|[uUL])?'(?:[^'\\\n]|\\[\s\S])*'?)/,
    /(?<number>(?:0[xX][0-9a-fA-F']+|0[bB][01']+|(?:\d[\d']*\.?[\d']*|\.\d[\d']*)(?:[eE][+-]?\d+)?)[uUlLfF]*)/,
    /(?<word>[A-Za-z_][A-Za-z0-9_]*)/,
    /(?<meta>#[^\n]*)/, // a preprocessor line
  ].map((part) => part.source).join("|"), "y"),
};

const JAVA = {
  keywords: words(`abstract assert boolean break byte case catch char class const continue default do double else
    enum extends false final finally float for goto if implements import instanceof int interface long native new
    null package permits private protected public record return sealed short static strictfp super switch
    synchronized this throw throws transient true try var void volatile while yield`),
  builtins: words(`String System Math Integer Long Double Character Boolean StringBuilder Scanner BufferedReader
    InputStreamReader PrintWriter StringTokenizer IOException Exception List ArrayList Map HashMap TreeMap Set
    HashSet TreeSet Arrays Collections Deque ArrayDeque PriorityQueue Override`),
  pattern: new RegExp([
    /(?<comment>\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))/,
    /(?<string>"""[\s\S]*?(?:"""|$)|"(?:[^"\\\n]|\\[\s\S])*"?|'(?:[^'\\\n]|\\[\s\S])*'?)/,
    /(?<number>(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)[lLfFdD]?)/,
    /(?<word>[A-Za-z_$][A-Za-z0-9_$]*)/,
    /(?<meta>@[A-Za-z_][A-Za-z0-9_]*)/, // an annotation
  ].map((part) => part.source).join("|"), "y"),
};

const KINDS = ["comment", "string", "number", "word", "meta"];
const GRAMMARS = { python3: PYTHON, python: PYTHON, cpp: CPP, "c++": CPP, java: JAVA };

// [[kind, text], ...] with kind one of "", "keyword", "builtin", "string", "comment", "number", "meta".
export function tokenize(code, language) {
  const grammar = GRAMMARS[String(language).toLowerCase()];
  if (!grammar) return [["", code]];
  const tokens = [];
  let plain = "";
  const flush = () => {
    if (plain) tokens.push(["", plain]);
    plain = "";
  };
  const pattern = grammar.pattern;
  let position = 0;
  while (position < code.length) {
    pattern.lastIndex = position;
    const match = pattern.exec(code);
    if (!match || match[0] === "") {
      plain += code[position];
      position += 1;
      continue;
    }
    const text = match[0];
    let kind = KINDS.find((name) => match.groups[name] !== undefined);
    if (kind === "word") {
      kind = grammar.keywords.has(text) ? "keyword" : grammar.builtins.has(text) ? "builtin" : "";
    }
    if (kind === "") {
      plain += text;
    } else {
      flush();
      tokens.push([kind, text]);
    }
    position += text.length;
  }
  flush();
  return tokens;
}

// Fill `element` (a <code>) with the highlighted code: text nodes and spans, never markup from the code itself.
export function highlight(element, code, language) {
  element.replaceChildren();
  for (const [kind, text] of tokenize(code, language)) {
    if (!kind) {
      element.append(text);
      continue;
    }
    const span = document.createElement("span");
    span.className = `tok-${kind}`;
    span.textContent = text;
    element.append(span);
  }
}
