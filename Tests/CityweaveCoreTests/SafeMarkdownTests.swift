import CityweaveSyntheticData
import Testing

@testable import CityweaveCore

@Suite struct SafeMarkdownTests {
    @Suite struct OrdinaryMarkdown {
        @Test func rendersHeadingsAndEmphasis() {
            #expect(
                SafeMarkdown.html(from: "# Title\n\n## Part\n\nSome *emphasis*, **strength** and ~~doubt~~.")
                    == "<h1>Title</h1><h2>Part</h2>"
                    + "<p>Some <em>emphasis</em>, <strong>strength</strong> and <del>doubt</del>.</p>"
            )
        }

        @Test func rendersLists() {
            #expect(
                SafeMarkdown.html(from: "- one\n- two\n\n1. first\n2. second")
                    == "<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>"
            )
        }

        @Test func escapesCodeOnce() {
            #expect(
                SafeMarkdown.html(from: "```swift\nif a < b && c > d {}\n```\n\nInline `<b>` too.")
                    == "<pre><code>if a &lt; b &amp;&amp; c &gt; d {}\n</code></pre><p>Inline <code>&lt;b&gt;</code> too.</p>"
            )
        }

        @Test func keepsSafeLinksAndMarksThemNofollow() {
            #expect(
                SafeMarkdown.html(
                    from: "[site](https://example.org/a?b=1&c=2), [mail](mailto:a@example.org), [page](/cities/3)")
                    == "<p><a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow noopener\">site</a>, "
                    + "<a href=\"mailto:a@example.org\" rel=\"nofollow noopener\">mail</a>, "
                    + "<a href=\"/cities/3\" rel=\"nofollow noopener\">page</a></p>"
            )
        }

        @Test func rendersReferenceLinksAndCodeInLinks() {
            #expect(
                SafeMarkdown.html(from: "[site][ref] and [`code`](/x)\n\n[ref]: https://example.org")
                    == "<p><a href=\"https://example.org\" rel=\"nofollow noopener\">site</a> and "
                    + "<a href=\"/x\" rel=\"nofollow noopener\"><code>code</code></a></p>"
            )
        }

        @Test func endsALinkAtTheFirstSpaceAsCommonMarkDoes() {
            // Ink leaves a title in the URL.
            #expect(
                SafeMarkdown.html(from: "[x](https://example.org \"The title\")")
                    == "<p><a href=\"https://example.org\" rel=\"nofollow noopener\">x</a></p>"
            )
        }

        @Test func rendersTablesAndQuotes() {
            #expect(
                SafeMarkdown.html(from: "| a | b |\n|---|:-:|\n| 1 | 2 |\n\n> quoted")
                    == "<table><thead><tr><th>a</th><th>b</th></tr></thead>"
                    + "<tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
                    + "<blockquote><p>quoted</p></blockquote>"
            )
        }

        @Test func replacesAnImageWithItsDescription() {
            #expect(SafeMarkdown.html(from: "See ![A cat & a dog](cat.png).") == "<p>See A cat &amp; a dog.</p>")
        }

        @Test func keepsTextAfterAnOpeningHorizontalRule() {
            // Ink would read this as front-matter metadata and drop it.
            #expect(
                SafeMarkdown.html(from: "---\nkey: value\n---\ntext")
                    == "<hr><p>key: value</p><hr><p>text</p>"
            )
        }

        @Test func escapesTextButKeepsCharacterReferences() {
            #expect(
                SafeMarkdown.html(from: "AT&amp;T &eacute; 5 &lt; 6 & \"7\" isn't 8")
                    == "<p>AT&amp;T &eacute; 5 &lt; 6 &amp; &quot;7&quot; isn&#39;t 8</p>"
            )
        }

        @Test func keepsAllowedHTMLWithoutItsAttributes() {
            #expect(
                SafeMarkdown.html(from: "<p class=\"x\" id=y>Hello <strong title=t>you</strong></p>")
                    == "<p>Hello <strong>you</strong></p>"
            )
        }

        @Test func balancesTheElementsItOpensAndDropsStrayEndTags() {
            #expect(SafeMarkdown.html(from: "<em>open") == "<em>open</em>")
            #expect(SafeMarkdown.html(from: "</li></ul></div>text") == "text")
            #expect(SafeMarkdown.html(from: "<li>no list</li><td>no table</td>") == "no listno table")
        }

        @Test func showsAnUnfinishedTagAsText() {
            #expect(SafeMarkdown.html(from: "<b x=\"1 > 2") == "&lt;b x=&quot;1 &gt; 2")
        }
    }

    @Suite struct CrossSiteScripting {
        static let vectors = [
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<scr<script>ipt>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "![x](javascript:alert(1))",
            "![x\" onerror=\"alert(1)](y)",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](jav&#x61;script:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x]( javascript:alert(1))",
            "[x](java\tscript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[x](vbscript:msgbox(1))",
            "[x][evil]\n\n[evil]: javascript:alert(1)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"javascript&colon;alert(1)\">x</a>",
            "<a href=\"java&#x0A;script:alert(1)\">x</a>",
            "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<style>body { display: none }</style>",
            "\"><script>alert(1)</script>",
            "[x](https://example.org \"a\" onmouseover=\"alert(1)\")",
            "[x](https://example.org 'a' onclick='alert(1)')",
            "[x](https://example.org/\"onclick=\"alert(1))",
            "<a href=x onclick=alert(1)>x</a>",
            "<p onclick=alert(1)>x</p>",
            "<!--><script>alert(1)</script>-->",
            "<form action=javascript:alert(1)><button>x</button></form>",
            "<object data=javascript:alert(1)></object>",
            "```\n</code></pre><script>alert(1)</script>\n```",
            "`</code><script>alert(1)</script>`",
        ]

        @Test(arguments: vectors)
        func neverProducesExecutableMarkup(markdown: String) throws {
            let html = SafeMarkdown.html(from: markdown)
            let lowercased = html.lowercased()
            for forbidden in ["<script", "<iframe", "<svg", "<img", "<style", "style=", "javascript:"] {
                #expect(!lowercased.contains(forbidden), "\(forbidden) in \(html)")
            }
            for tag in Self.tags(in: html) {
                #expect(Self.isAllowed(tag), "\(tag) in \(html)")
                for handler in ["onerror", "onload", "onclick", "onmouseover"] {
                    #expect(!tag.lowercased().contains(handler), "\(handler) in \(html)")
                }
            }
        }

        @Test func dropsAnUnsafeLinkButKeepsItsText() {
            #expect(SafeMarkdown.html(from: "[click](javascript:alert(1))") == "<p>click</p>")
            #expect(SafeMarkdown.html(from: "<a href=x onclick=alert(1)>y</a>") == "y")
        }

        @Test func dropsScriptAndStyleContent() {
            #expect(SafeMarkdown.html(from: "a <script>alert(1)</script> b") == "<p>a  b</p>")
            #expect(SafeMarkdown.html(from: "<style>p { color: red }</style>") == "")
        }

        /// Every `<` in the output starts a tag, since text has its own escaped. Matched by
        /// Unicode scalar, as a browser reads: `>` and a combining mark are two characters here.
        static func tags(in html: String) -> [String] {
            html.matches(of: /<[^>]*>?/.matchingSemantics(.unicodeScalar)).map { String($0.output) }
        }

        /// Only allowlisted elements without attributes, and links to a safe URL.
        static func isAllowed(_ tag: String) -> Bool {
            let element =
                /<\/?(p|br|hr|h[1-6]|em|strong|code|pre|blockquote|ul|ol|li|a|del|table|thead|tbody|tr|th|td)>/
            let link = /<a href="(https?:|mailto:|\/|#)[^"<>' \t\n]*" rel="nofollow noopener">/
            return tag.wholeMatch(of: element.matchingSemantics(.unicodeScalar)) != nil
                || tag.wholeMatch(of: link.matchingSemantics(.unicodeScalar)) != nil
        }

        /// Random mixes of Markdown, HTML and attack fragments, the same on every run.
        @Test func producesOnlyAllowlistedTagsFromAnyMix() {
            let pieces = [
                "[", "]", "(", ")", "<", ">", "&", ";", "#", "!", "`", "```", "*", "_", "~~", "\\", "\n", "\n\n",
                " ", "\t", "\"", "'", "=", "/", ":", "|", "- ", "1. ", "> ", "a", "<p", "<a ", "</a>", "href=",
                "onclick=", "javascript:", "JaVaScRiPt:", "data:", "http://", "&#x61;", "&amp;", "<script>",
                "</script>", "<style>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<!--", "-->",
                "<table>", "<td>", "<li>", "<em>", "\u{301}", "\u{338}", "\u{0}", "\r\n", "[x](/y)", "![a](b)",
            ]
            var random = SeededGenerator(seed: 2_024)
            for _ in 0..<2_000 {
                let markdown = (0..<Int.random(in: 1...60, using: &random))
                    .map { _ in pieces.randomElement(using: &random)! }
                    .joined()
                let html = SafeMarkdown.html(from: markdown)
                for tag in Self.tags(in: html) {
                    #expect(Self.isAllowed(tag), "\(tag) in \(html) from \(markdown.debugDescription)")
                }
            }
        }
    }
    /// Inputs on which Ink 0.6.0 alone backtracks for minutes, loops until memory runs out, or
    /// crashes.
    @Suite struct InkPitfalls {
        @Test(
            .timeLimit(.minutes(1)),
            arguments: [
                String(repeating: "[a", count: 40),
                String(repeating: "![a", count: 40),
                String(repeating: "[`]`", count: 40),
                String(repeating: "[a](", count: 5_000),
                String(repeating: "&a", count: 20_000),
                String(repeating: "<a", count: 20_000),
                "<p",
                "text \\<p>",
                "1. item\n ",
            ]
        )
        func rendersQuickly(markdown: String) {
            #expect(!SafeMarkdown.html(from: markdown).isEmpty)
        }

        @Test func showsUnmatchedBracketsAsText() {
            #expect(
                SafeMarkdown.html(from: "[a[b [c](/x)") == "<p>[a[b <a href=\"/x\" rel=\"nofollow noopener\">c</a></p>")
        }
    }
}
