namespace NetDoctor.Collectors.Parsers.Iptables;

/// <summary>
/// Splits a rule into words the way iptables-save quotes them: double quotes around values with blanks,
/// backslash escapes inside. A '!' glued to an option ("!--src-type", seen in hand-typed rules) is its own word.
/// </summary>
internal static class RuleTokenizer
{
    /// <summary>Splits <paramref name="text"/>[<paramref name="from"/>..<paramref name="end"/>) into words.</summary>
    /// <returns>False when a quote is not closed (the rest of the rule is then one word).</returns>
    public static bool Tokenize(string text, int from, int end, List<RuleToken> tokens)
    {
        tokens.Clear();
        bool closed = true;
        int i = from, n = end;
        while (i < n)
        {
            char c = text[i];
            if (c == ' ' || c == '\t') { i++; continue; }
            if (c == '"')
            {
                int j = i + 1;
                while (j < n && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
                if (j >= n) { closed = false; j = n - 1; }
                tokens.Add(new RuleToken(i, Math.Min(j + 1, n), true));
                i = j + 1;
                continue;
            }
            if (c == '!' && i + 1 < n && text[i + 1] != ' ' && text[i + 1] != '\t')
            {
                tokens.Add(new RuleToken(i, i + 1, false));
                i++;
                continue;
            }
            int start = i;
            while (i < n && text[i] != ' ' && text[i] != '\t') i++;
            tokens.Add(new RuleToken(start, i, false));
        }
        return closed;
    }
}
