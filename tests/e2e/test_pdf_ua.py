"""The reading PDF is tagged PDF/UA-1 and PDF/A-2u: the conditions of ISO
14289-1 (with the Matterhorn Protocol 1.02 checkpoint numbers of the
machine-checkable failure conditions) and ISO 19005-2 that kumihan's
writer meets, checked from the file alone with pikepdf (Debian
python3-pikepdf, qpdf's reader) and poppler, never with kumihan's code.
README.md lists which conditions are checked here and which are not."""
import os
import re
import sys

import tempfile
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kumihan_e2e import ROOT, import_pikepdf, TempDirTest, build, pdfinfo, pdftotext, run  # noqa: E402

pikepdf = import_pikepdf()

TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
PAINTING = {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "Do", "INLINE IMAGE"}
# ISO 32000-1 14.8.4 standard structure types (kumihan uses no RoleMap)
STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody",
    "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference",
    "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure",
    "Formula", "Form"}
NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
}


def marked_content_ops(page):
    """(operator, the open marked-content tags, their property lists) for
    every operator of the page's content stream, in order."""
    stack = []
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op in ("BDC", "BMC"):
            stack.append((str(operands[0]), operands[1] if op == "BDC" else None))
        elif op == "EMC":
            if not stack:
                raise AssertionError("EMC without BDC")
            stack.pop()
        yield op, list(stack), operands


def mcid_of(props):
    if isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
        return int(props.MCID)
    return None


def struct_type(elem):
    return str(elem.S)[1:]


def kids_of(elem):
    k = elem.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def is_elem(obj):
    return isinstance(obj, pikepdf.Dictionary) and "/S" in obj and obj.get("/Type") != "/MCR"


def walk(elem, depth=0):
    """Pre-order: (element, depth) for every structure element under elem."""
    yield elem, depth
    for kid in kids_of(elem):
        if is_elem(kid):
            yield from walk(kid, depth + 1)


def number_tree(node):
    """{key: value} of an ISO 32000-1 7.9.7 number tree: its /Nums, or the
    leaves under its /Kids (each key inside its node's /Limits)."""
    out = {}
    if "/Nums" in node:
        nums = node.Nums
        out.update({int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)})
    for kid in node.get("/Kids", []):
        sub = number_tree(kid)
        lo, hi = int(kid.Limits[0]), int(kid.Limits[1])
        if sub and (min(sub) != lo or max(sub) != hi):
            raise AssertionError(f"number tree node /Limits [{lo} {hi}], keys {min(sub)}–{max(sub)}")
        out.update(sub)
    return out


def check_mcids_reach_the_tree_and_back(test, pdf):
    """ISO 32000-1 14.7.4.4: every page's MCIDs are 0, 1, … once each;
    the page's /StructParents keys its ParentTree array, whose entry n is
    the element whose /K holds MCID n of that page; and the tree names
    no MCID that no page has."""
    tree = pdf.Root.StructTreeRoot
    parents_of = number_tree(tree.ParentTree)
    owners = {}   # (page objgen, mcid) -> element objgen, from the tree side
    for elem, _ in walk(tree.K):
        for kid in kids_of(elem):
            if isinstance(kid, int):
                key = (elem.Pg.objgen, int(kid))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                key = (kid.Pg.objgen, int(kid.MCID))
            else:
                continue
            test.assertNotIn(key, owners, f"MCID {key} under two elements")
            owners[key] = elem.objgen
    seen = set()
    for n, page in enumerate(pdf.pages, 1):
        key = int(page.obj.StructParents)
        test.assertIn(key, parents_of, f"page {n}: /StructParents {key} not in the ParentTree")
        parents = parents_of[key]
        mcids = [mcid_of(ops[2][1]) for ops in marked_content_ops(page)
                 if ops[0] == "BDC" and mcid_of(ops[2][1]) is not None]
        test.assertEqual(mcids, list(range(len(mcids))), f"page {n}: MCIDs not 0, 1, … once each")
        test.assertEqual(len(parents), len(mcids), f"page {n}: ParentTree array length")
        for mcid in mcids:
            k = (page.obj.objgen, mcid)
            test.assertIn(k, owners, f"page {n}: MCID {mcid} in no element's /K")
            test.assertEqual(parents[mcid].objgen, owners[k], f"page {n}: MCID {mcid}'s parent")
            seen.add(k)
    test.assertEqual(seen, set(owners), "the tree names MCIDs no page has")
    test.assertGreater(int(tree.ParentTreeNextKey), max(parents_of))


def text_of_string(s):
    return bytes(s).decode("utf-16-be")[1:] if bytes(s).startswith(b"\xfe\xff") else str(s)


def squash(text):
    return re.sub(r"\s+", "", text)


def info_date_as_xmp(d):
    m = re.fullmatch(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z.*", d)
    return "%s-%s-%sT%s:%s:%sZ" % m.groups()


class TaggedReadingPdfTest(TempDirTest):
    TITLE = "2023年度事業基本方針"
    MIN_SHOWN = 500                               # text-showing operators at least
    ARTIFACT_TYPES = {"/Pagination", "/Layout"}   # running heads and footers; bands

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._class_tmp = tempfile.TemporaryDirectory(prefix="kumihan-e2e-")
        cls.pdf_path = build(cls._class_tmp.name, name="plan.pdf")
        cls.pdf = pikepdf.open(cls.pdf_path)
        cls.root = cls.pdf.Root
        cls.tree = cls.root.get("/StructTreeRoot")   # None in an untagged PDF: its tests fail

    @classmethod
    def tearDownClass(cls):
        cls.pdf.close()
        cls._class_tmp.cleanup()
        super().tearDownClass()

    # ---- ISO 14289-1 7.1: tagged content and artifacts -------------------

    def test_every_operator_is_tagged_or_an_artifact(self):
        """Matterhorn 01-005 (no content neither tagged nor an artifact),
        01-003 / 01-004 (no artifact inside tagged content nor the
        reverse): every text-showing and painting operator lies in exactly
        one marked-content sequence, an MCID one or an /Artifact."""
        shown = 0
        for n, page in enumerate(self.pdf.pages, 1):
            for op, stack, _ in marked_content_ops(page):
                if op not in TEXT_SHOWING and op not in PAINTING:
                    continue
                shown += 1
                self.assertTrue(stack, f"page {n}: {op} outside marked content")
                tags = [t for t, _ in stack]
                self.assertFalse("/Artifact" in tags and any(mcid_of(p) is not None for _, p in stack),
                                 f"page {n}: {op} in an artifact mixed with tagged content")
                self.assertTrue(tags[-1] == "/Artifact" or mcid_of(stack[-1][1]) is not None,
                                f"page {n}: {op} in marked content with neither MCID nor /Artifact")
        self.assertGreater(shown, self.MIN_SHOWN)

    def test_artifacts_say_their_type(self):
        """ISO 32000-1 14.8.2.2.2: furniture is /Pagination, bands and
        rules /Layout; both occur in the plan."""
        types = set()
        for page in self.pdf.pages:
            for op, _, operands in marked_content_ops(page):
                if op == "BDC" and str(operands[0]) == "/Artifact":
                    types.add(str(operands[1].get("/Type")))
        self.assertEqual(types, self.ARTIFACT_TYPES)

    def test_structure_tree_root(self):
        """ISO 14289-1 7.1 / ISO 32000-1 14.7.2: a StructTreeRoot with a
        ParentTree."""
        self.assertIsNotNone(self.tree)
        self.assertEqual(self.tree.get("/Type"), "/StructTreeRoot")
        self.assertIn("/ParentTree", self.tree)

    def test_mark_info_marked(self):
        """ISO 14289-1 7.1 / ISO 32000-1 14.7.1: /MarkInfo <</Marked true>>."""
        self.assertIs(bool(self.root.MarkInfo.Marked), True)

    # ---- ISO 32000-1 14.7.4.4: MCIDs and the ParentTree ------------------

    def test_every_mcid_reaches_the_tree_and_back(self):
        """Each page's /StructParents keys its ParentTree array; entry n is
        the element whose /K holds MCID n of that page (a bare integer
        under the element's /Pg, or an MCR naming the page), and each
        MCID occurs exactly once in the page and once in the tree."""
        check_mcids_reach_the_tree_and_back(self, self.pdf)

    def test_pages_tab_in_structure_order(self):
        """ISO 14289-1 7.18.3 (Matterhorn 28-007 for pages with
        annotations; kumihan sets it on every page): /Tabs /S."""
        for n, page in enumerate(self.pdf.pages, 1):
            self.assertEqual(page.obj.get("/Tabs"), "/S", f"page {n}")

    # ---- ISO 14289-1 7.2-7.4, 7.6: the structure types -------------------

    def test_standard_types_under_one_document(self):
        """ISO 14289-1 7.1: standard structure types (or role-mapped; there
        is no RoleMap); one Document at the root, each kid's /P its parent."""
        self.assertEqual(struct_type(self.tree.K), "Document")
        self.assertEqual(self.tree.K.P.objgen, self.tree.objgen)
        for elem, _ in walk(self.tree.K):
            self.assertIn(struct_type(elem), STANDARD_TYPES)
            for kid in kids_of(elem):
                if is_elem(kid):
                    self.assertEqual(kid.P.objgen, elem.objgen)

    def test_headings_start_at_h1_and_skip_no_level(self):
        """ISO 14289-1 7.4.2, Matterhorn 14-002 (the first heading is H1)
        and 14-003 (no level skipped going down): one H1, the title."""
        levels = [int(struct_type(e)[1]) for e, _ in walk(self.tree.K) if re.fullmatch(r"H\d", struct_type(e))]
        self.assertEqual(levels[0], 1)
        self.assertEqual(levels.count(1), 1)
        for a, b in zip(levels, levels[1:]):
            self.assertLessEqual(b, a + 1, f"H{a} followed by H{b}")
        self.assertEqual(set(levels), {1, 2, 3, 4})

    def test_lists_are_l_li_lbl_lbody(self):
        """ISO 32000-1 Table 336 (Matterhorn 09-005): L holds LI only; each
        LI holds an Lbl, then an LBody; nested lists sit in the LBody."""
        lists = 0
        for elem, _ in walk(self.tree.K):
            t = struct_type(elem)
            kid_types = [struct_type(k) for k in kids_of(elem) if is_elem(k)]
            if t == "L":
                lists += 1
                self.assertTrue(kid_types and set(kid_types) == {"LI"}, kid_types)
            elif t == "LI":
                self.assertEqual(kid_types, ["Lbl", "LBody"])
            elif t not in ("LBody", "Document"):
                self.assertNotIn("L", kid_types, f"a list inside {t}")
            if t in ("Lbl", "LI", "LBody"):
                self.assertEqual(struct_type(elem.P), {"Lbl": "LI", "LBody": "LI", "LI": "L"}[t])
        self.assertGreater(lists, 10)
        nested = [e for e, _ in walk(self.tree.K) if struct_type(e) == "L" and struct_type(e.P) == "LBody"]
        self.assertTrue(nested, "the plan's bullets under items are nested lists")

    def test_lists_say_how_they_are_numbered(self):
        """ISO 14289-1 7.6, ISO 32000-1 14.8.5.5 Table 347: every L has a
        List attribute with a /ListNumbering; read back by poppler
        (pdfinfo -struct-text prints it under the L), the plan's ① and 1）
        lists are Decimal and its ・ bullets Disc, judged by the text of
        each list's first Lbl."""
        allowed = {"/None", "/Disc", "/Circle", "/Square", "/Decimal", "/UpperRoman",
                   "/LowerRoman", "/UpperAlpha", "/LowerAlpha"}
        for elem, _ in walk(self.tree.K):
            if struct_type(elem) == "L":
                self.assertEqual(str(elem.A.O), "/List")
                self.assertIn(str(elem.A.ListNumbering), allowed)
        lines = run(["pdfinfo", "-struct-text", self.pdf_path]).stdout.splitlines()
        found = []
        for i, line in enumerate(lines):
            if line.strip() != "L (block):":
                continue
            numbering = lines[i + 1].strip()
            lbl = next(j for j in range(i, len(lines)) if lines[j].strip() == "Lbl (block)")
            found.append((numbering, lines[lbl + 1].strip().strip('"')))
        self.assertEqual(len(found), sum(1 for e, _ in walk(self.tree.K) if struct_type(e) == "L"))
        for numbering, label in found:
            want = "/ListNumbering /Disc" if label == "・" else "/ListNumbering /Decimal"
            self.assertEqual(numbering, want, f"the list numbered {label!r}")
        self.assertEqual({n for n, _ in found}, {"/ListNumbering /Disc", "/ListNumbering /Decimal"})

    def test_new_mark_is_a_span_spoken_as_shinki(self):
        """ISO 14289-1 7.2 / ISO 32000-1 14.9.4: the (新) mark is a Span
        whose /ActualText, 新規, replaces what it shows, inside its text's
        element (an LBody, heading or P)."""
        spans = [e for e, _ in walk(self.tree.K) if struct_type(e) == "Span"]
        self.assertGreater(len(spans), 5)
        for span in spans:
            self.assertEqual(text_of_string(span.ActualText), "新規")
            self.assertIn(struct_type(span.P), {"LBody", "P", "H2", "H3", "H4"})

    # ---- the tree as a reader reads it -----------------------------------

    def struct_text(self):
        """The quoted text lines of pdfinfo -struct-text (poppler takes
        a while over a thousand elements: read once)."""
        cls = type(self)
        if not hasattr(cls, "_struct_text"):
            out = run(["pdfinfo", "-struct-text", self.pdf_path]).stdout
            cls._struct_text = [m.group(1) for m in re.finditer(r'^\s*"(.*)"\s*$', out, re.M)]
        return cls._struct_text

    def without_artifacts(self):
        """A copy of the PDF with every /Artifact sequence removed."""
        path = os.path.join(self.tmp, "no-artifacts.pdf")
        with pikepdf.open(self.pdf_path) as pdf:
            for page in pdf.pages:
                kept, depth = [], 0
                for operands, op in pikepdf.parse_content_stream(page):
                    name = str(op)
                    if depth:
                        depth += name in ("BDC", "BMC")
                        depth -= name == "EMC"
                        continue
                    if name == "BDC" and str(operands[0]) == "/Artifact":
                        depth = 1
                        continue
                    kept.append((operands, op))
                page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
            pdf.save(path)
        return path

    def test_structure_order_is_reading_order(self):
        """ISO 14289-1 7.2 (logical reading order): the tree's text, as
        poppler reads it (pdfinfo -struct-text), is the page text in
        poppler's visual reading order (pdftotext) without the artifacts."""
        tree_text = squash("".join(self.struct_text()))
        page_text = squash(pdftotext(self.without_artifacts()))
        self.assertGreater(len(tree_text), 5000)
        self.assertEqual(tree_text, page_text)

    def test_item_numbers_read_before_their_text(self):
        """The issue's reader check: each item's number comes before its
        text, the title first, the organisation line after it."""
        lines = self.struct_text()
        self.assertEqual(lines[0], "2023年度事業基本方針")
        self.assertEqual(lines[1], "苫小牧商工会議所")
        first_item = lines.index("①")
        self.assertEqual(lines[first_item + 1], "市への「商工業振興に関する要望書」提出")

    # ---- metadata: ISO 14289-1 7.1, ISO 19005-2 6.6 ----------------------

    def xmp(self):
        stream = self.root.Metadata
        return stream, ET.fromstring(stream.read_bytes())

    def xmp_value(self, tree, path):
        node = tree.find(".//rdf:Description/" + path, NS)
        self.assertIsNotNone(node, path)
        return node.text

    def test_xmp_stream_uncompressed(self):
        """Matterhorn 06-001 (an XMP metadata stream in the catalog); ISO
        19005-2 6.6.2.1 (Type /Metadata, Subtype /XML, no /Filter) and
        6.6.2.2 (an xpacket header without bytes/encoding attributes)."""
        stream, _ = self.xmp()
        self.assertEqual(stream.get("/Type"), "/Metadata")
        self.assertEqual(stream.get("/Subtype"), "/XML")
        self.assertNotIn("/Filter", stream)
        raw = stream.read_raw_bytes()
        self.assertTrue(raw.startswith(b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'))
        self.assertRegex(raw, rb'<\?xpacket end="[rw]"\?>\s*$')

    def test_xmp_identifies_pdf_ua_1_and_pdf_a_2u(self):
        """Matterhorn 06-002 (pdfuaid:part); ISO 19005-2 6.6.4 (pdfaid:part
        2, conformance U) and 6.6.2.3.3 (pdfuaid, not a predefined schema,
        described by a pdfaExtension schema)."""
        _, tree = self.xmp()
        self.assertEqual(self.xmp_value(tree, "pdfuaid:part"), "1")
        self.assertEqual(self.xmp_value(tree, "pdfaid:part"), "2")
        self.assertEqual(self.xmp_value(tree, "pdfaid:conformance"), "U")
        uris = [n.text for n in tree.iter("{%s}namespaceURI" % NS["pdfaSchema"])]
        prefixes = [n.text for n in tree.iter("{%s}prefix" % NS["pdfaSchema"])]
        self.assertIn(NS["pdfuaid"], uris)
        self.assertIn("pdfuaid", prefixes)

    def test_xmp_agrees_with_info(self):
        """Matterhorn 06-003 (dc:title present); ISO 19005-2 6.6.2.3.1
        Table 3: each Info entry equals its XMP property."""
        _, tree = self.xmp()
        info = self.pdf.docinfo
        title = self.xmp_value(tree, "dc:title/rdf:Alt/rdf:li")
        self.assertEqual(title, str(info.Title))
        self.assertEqual(title, self.TITLE)
        self.assertEqual(self.xmp_value(tree, "dc:creator/rdf:Seq/rdf:li"), str(info.Author))
        self.assertEqual(self.xmp_value(tree, "dc:description/rdf:Alt/rdf:li"), str(info.Subject))
        self.assertEqual(self.xmp_value(tree, "pdf:Keywords"), str(info.Keywords))
        self.assertEqual(self.xmp_value(tree, "pdf:Producer"), str(info.Producer))
        self.assertEqual(self.xmp_value(tree, "xmp:CreatorTool"), str(info.Creator))
        self.assertEqual(self.xmp_value(tree, "xmp:CreateDate"), info_date_as_xmp(str(info.CreationDate)))
        self.assertEqual(self.xmp_value(tree, "xmp:ModifyDate"), info_date_as_xmp(str(info.ModDate)))

    def test_display_doc_title(self):
        """Matterhorn 07-001 / 07-002: ViewerPreferences /DisplayDocTitle true."""
        self.assertIs(bool(self.root.ViewerPreferences.DisplayDocTitle), True)

    def test_language(self):
        """Matterhorn 11-001 (the page content's language can be
        determined): catalog /Lang ja-JP."""
        self.assertEqual(str(self.root.Lang), "ja-JP")

    # ---- ISO 19005-2: the file and its colour ----------------------------

    def test_output_intent_srgb(self):
        """ISO 19005-2 6.2.3: a GTS_PDFA1 output intent whose embedded ICC
        profile (6.2.3.2: a valid profile, output or monitor class, ICC
        version ≤ 4) has the /N of its colour space, RGB as the DeviceRGB
        the pages paint with."""
        intents = [i for i in self.root.OutputIntents if i.S == "/GTS_PDFA1"]
        self.assertEqual(len(intents), 1)
        intent = intents[0]
        self.assertTrue(str(intent.OutputConditionIdentifier))
        profile = intent.DestOutputProfile
        icc = profile.read_bytes()
        self.assertEqual(int.from_bytes(icc[0:4], "big"), len(icc))
        self.assertEqual(icc[36:40], b"acsp")
        self.assertIn(icc[12:16], (b"mntr", b"prtr"))
        self.assertEqual(icc[16:20], b"RGB ")
        self.assertLessEqual(icc[8], 4)
        self.assertEqual(int(profile.N), 3)

    def test_file_structure(self):
        """ISO 19005-2 6.1.2 (the header, then a comment of four bytes
        above 127), 6.1.3 (a trailer /ID, no /Encrypt); PDF 1.7, which
        PDF/UA-1 and PDF/A-2 build on."""
        with open(self.pdf_path, "rb") as f:
            head = f.read(32)
        self.assertTrue(head.startswith(b"%PDF-1.7\n%"))
        self.assertTrue(all(b > 127 for b in head[10:14]))
        self.assertIn("/ID", self.pdf.trailer)
        self.assertNotIn("/Encrypt", self.pdf.trailer)
        self.assertEqual(pdfinfo(self.pdf_path)["Tagged"], "yes")
        self.assertIn("No syntax or stream encoding errors", run(["qpdf", "--check", self.pdf_path]).stdout)


class TaggedNoticeTest(TaggedReadingPdfTest):
    """The same conditions on the one-page notice (content/notice-*.yaml in
    its own layout): a letter's head lines, 記, 以上 and ※ notes are tagged
    too, in reading order.  The tests about the plan's own headings, lists
    and (新) marks do not apply to a letter, which has none."""
    TITLE = "令和5年度\u3000会員交流会の開催について（ご案内）"
    MIN_SHOWN = 20
    ARTIFACT_TYPES = set()   # no running head, footer or band: nothing but text

    @classmethod
    def setUpClass(cls):
        TempDirTest.setUpClass()
        cls._class_tmp = tempfile.TemporaryDirectory(prefix="kumihan-e2e-")
        notice = os.path.join(ROOT, "content", "notice-2023-koryukai.yaml")
        cls.pdf_path = build(cls._class_tmp.name, content=notice, name="notice.pdf")
        cls.pdf = pikepdf.open(cls.pdf_path)
        cls.root = cls.pdf.Root
        cls.tree = cls.root.get("/StructTreeRoot")

    def test_structure_order_is_reading_order(self):
        """As for the plan, but against the page's text in the order it is
        drawn (pdftotext -raw): poppler's visual order reads the spaced-out
        name of the issuer (会頭　○○　○○), right-aligned above the centred
        title, as a column beside it.  test_notice.py checks the lines'
        order top to bottom from their positions."""
        tree_text = squash("".join(self.struct_text()))
        self.assertGreater(len(tree_text), 400)
        self.assertEqual(tree_text, squash(pdftotext(self.without_artifacts(), "-raw")))

    def test_headings_start_at_h1_and_skip_no_level(self):
        levels = [struct_type(e) for e, _ in walk(self.tree.K) if re.fullmatch(r"H\d", struct_type(e))]
        self.assertEqual(levels, ["H1"])

    def test_notes_and_letter_lines(self):
        """Note for each ※ note (its ※ and its text), P for each head line,
        記 and 以上, all directly under the Document."""
        kinds = [struct_type(e) for e in kids_of(self.tree.K) if is_elem(e)]
        self.assertEqual(kinds.count("Note"), 2)
        self.assertEqual(kinds[:5], ["P"] * 5)   # 文書番号, date, 宛名, 2 lines of 発信者
        self.assertEqual(kinds[5], "H1")
        self.assertEqual(kinds[-1], "P")         # 以上

    def test_notes_have_unique_ids(self):
        """ISO 14289-1 7.9 (Matterhorn 19-003, 19-004): every Note has an
        /ID, and no two elements share one."""
        ids = [bytes(e.ID) for e, _ in walk(self.tree.K) if "/ID" in e]
        notes = [e for e, _ in walk(self.tree.K) if struct_type(e) == "Note"]
        self.assertEqual(len(notes), 2)
        for n in notes:
            self.assertIn("/ID", n, "a Note without its /ID")
        self.assertEqual(len(ids), len(set(ids)))

    def test_lists_are_l_li_lbl_lbody(self):
        self.skipTest("a letter has no lists")

    def test_lists_say_how_they_are_numbered(self):
        self.skipTest("a letter has no lists")

    def test_new_mark_is_a_span_spoken_as_shinki(self):
        self.skipTest("a letter has no (新) marks")

    def test_item_numbers_read_before_their_text(self):
        self.skipTest("a letter has no numbered items")


if __name__ == "__main__":
    unittest.main()
