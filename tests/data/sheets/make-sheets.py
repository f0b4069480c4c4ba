#!/usr/bin/env python3
# make-sheets.py: writes the hand-made xlsx and ods fixtures of tests/test-sheets.c
#
# Copyright 2026 The Waymark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The files are committed; this script says how they were made. Run it in
# this folder. The Calc-made files (levenslang-calc.*) come from
# `soffice --headless --convert-to ods|xlsx` of the example's CSV export.
import zipfile

EPOCH = (1980, 1, 1, 0, 0, 0)
NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'


def write_zip(name, members, sizes=None):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        for path, data in members:
            info = zipfile.ZipInfo(path, EPOCH)
            info.compress_type = zipfile.ZIP_STORED if path == 'mimetype' else zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def xlsx(name, sheet_xml, shared=None, sheets=(('Codering', 'sheet1.xml'),)):
    rels = ''.join(
        f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" Target="worksheets/{f}"/>'
        for i, (_, f) in enumerate(sheets))
    rels += f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    members = [
        ('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ('_rels/.rels', f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ('xl/workbook.xml', f'<?xml version="1.0"?><workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>'
         + ''.join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (n, _) in enumerate(sheets))
         + '</sheets></workbook>'),
        ('xl/_rels/workbook.xml.rels', f'<?xml version="1.0"?><Relationships xmlns="{PKG}">{rels}</Relationships>'),
    ]
    if shared is not None:
        members.append(('xl/sharedStrings.xml', f'<?xml version="1.0"?><sst xmlns="{NS}">'
                        + ''.join(f'<si>{s}</si>' for s in shared) + '</sst>'))
    for (_, f), xml in zip(sheets, sheet_xml if isinstance(sheet_xml, list) else [sheet_xml]):
        members.append((f'xl/worksheets/{f}', xml))
    write_zip(name, members)


def worksheet(rows, merges=''):
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><sheetData>{rows}</sheetData>'
            f'{merges}</worksheet>')


# Dutch headers, shared and inline strings, rich text, numbers, an empty
# cell, and a merged range whose hidden cell still holds text (C3).
shared = ['<t>persona</t>', '<t>fase</t>', '<t>zwembaan</t>', '<t>tekst</t>', '<t>Anna</t>',
          '<t>Intake</t>', '<r><t>Drem</t></r><r><rPr><b/></rPr><t>pels</t></r>',
          '<t xml:space="preserve">Lange formulieren </t>', '<t>fasevolgorde</t>']
dutch = worksheet(
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
    '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>8</v></c></row>'
    '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="s"><v>6</v></c>'
    '<c r="D2" t="s"><v>7</v></c><c r="E2"><v>1</v></c></row>'
    '<row r="3"><c r="A3" t="inlineStr"><is><t>Anna</t></is></c><c r="B3" t="inlineStr"><is><t>Intake</t></is></c>'
    '<c r="C3" t="s"><v>6</v></c><c r="D3" t="inlineStr"><is><t>Wachten_x000D_</t></is></c>'
    '<c r="E3" t="s"><v>6</v></c><c r="F3"/></row>'
    '<row r="5"><c r="A5" t="inlineStr"><is><t>Anna</t></is></c><c r="B5" t="inlineStr"><is><t>Advies</t></is></c>'
    '<c r="C5" t="s"><v>6</v></c><c r="D5" t="inlineStr"><is><t>Geen tijd</t></is></c><c r="E5"><v>2.0</v></c></row>',
    '<mergeCells count="1"><mergeCell ref="D3:E3"/></mergeCells>')
extra = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>persona</t></is></c></row>')
xlsx('dutch.xlsx', [dutch, extra], shared, (('Codering', 'sheet1.xml'), ('Extra', 'sheet2.xml')))

# A member that says it unpacks to 64 MiB (of blanks: a few kilobytes packed).
xlsx('zip-bomb.xlsx', worksheet('<row r="1">' + ' ' * (64 * 1024 * 1024) + '</row>'), [])

# A shared string used by more cells than the text limit allows.
big = 'x' * 60000
xlsx('shared-bomb.xlsx', worksheet(''.join(
    f'<row r="{r}">' + ''.join(f'<c r="{c}{r}" t="s"><v>0</v></c>' for c in 'ABCDEFGH') + '</row>'
    for r in range(1, 101))), [f'<t>{big}</t>'])

with open('not-a-zip.xlsx', 'w') as f:
    f.write('persona,phase,lane\nAnna,Intake,Drempels\n')

OFFICE = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def ods(name, tables):
    body = ''.join(f'<table:table table:name="{n}">{rows}</table:table>' for n, rows in tables)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {OFFICE}>'
               f'<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>'
               '</office:document-content>')
    write_zip(name, [('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'),
                     ('content.xml', content)])


def cell(text, extra=''):
    return f'<table:table-cell{extra}><text:p>{text}</text:p></table:table-cell>'


EMPTY_REST = ('<table:table-row table:number-rows-repeated="1048570">'
              '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
# As Calc writes: empty cells and rows repeated to the sheet's end, a
# merged range's covered cell (still holding text), spaces, numbers.
ods('dutch.ods', [
    ('Notities', '<table:table-row>' + cell('niets') + '</table:table-row>'),
    ('Codering',
     '<table:table-header-rows><table:table-row>' + cell('persona') + cell('fase') + cell('zwembaan')
     + cell('tekst') + cell('fasevolgorde')
     + '<table:table-cell table:number-columns-repeated="1019"/></table:table-row></table:table-header-rows>'
     '<table:table-row>' + cell('Anna') + cell('Intake') + cell('Drempels')
     + cell('Lange<text:s text:c="2"/>formulieren') + cell('1', ' office:value-type="float" office:value="1"')
     + '<table:table-cell table:number-columns-repeated="1019"/></table:table-row>'
     '<table:table-row>' + cell('Anna') + cell('Intake') + cell('Drempels')
     + cell('Wachten', ' table:number-columns-spanned="2"')
     + '<table:covered-table-cell><text:p>verborgen</text:p></table:covered-table-cell>'
     '</table:table-row>'
     '<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="5"/></table:table-row>'
     '<table:table-row>' + cell('Anna') + cell('Advies') + cell('Drempels')
     + '<table:table-cell><text:p>Geen</text:p><text:p>tijd<office:annotation><text:p>notitie</text:p></office:annotation></text:p></table:table-cell>'
     + '<table:table-cell office:value-type="float" office:value="2"/>'
     '</table:table-row>' + EMPTY_REST),
])

HEADER = '<table:table-row>' + cell('persona') + cell('phase') + cell('lane') + '</table:table-row>'
ods('columns-bomb.ods', [('Sheet1', HEADER + '<table:table-row>' + cell('Anna') + cell('Intake')
                          + cell('x', ' table:number-columns-repeated="1000000"')
                          + '</table:table-row>')])
ods('rows-bomb.ods', [('Sheet1', HEADER + '<table:table-row table:number-rows-repeated="1000000">'
                       + cell('Anna') + cell('Intake') + cell('Lane') + '</table:table-row>')])
ods('spaces-bomb.ods', [('Sheet1', HEADER + '<table:table-row>' + cell('Anna') + cell('Intake')
                         + cell('<text:s text:c="4000000000"/>') + '</table:table-row>')])
