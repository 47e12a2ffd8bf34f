namespace NetDoctor.Engine.Rete;

/// <summary>Intrusive doubly linked list of tokens in insertion order: O(1) add/remove without allocation per entry.</summary>
internal class TokenList
{
    public Token? First;
    public Token? Last;
    public int Count;

    public void Add(Token t)
    {
        t.NextInList = null;
        t.PrevInList = Last;
        if (Last is null)
        {
            First = t;
        }
        else
        {
            Last.NextInList = t;
        }
        Last = t;
        Count++;
    }

    public void AddFirst(Token t)
    {
        t.PrevInList = null;
        t.NextInList = First;
        if (First is null)
        {
            Last = t;
        }
        else
        {
            First.PrevInList = t;
        }
        First = t;
        Count++;
    }

    public void Remove(Token t)
    {
        if (t.PrevInList is null)
        {
            First = t.NextInList;
        }
        else
        {
            t.PrevInList.NextInList = t.NextInList;
        }
        if (t.NextInList is null)
        {
            Last = t.PrevInList;
        }
        else
        {
            t.NextInList.PrevInList = t.PrevInList;
        }
        t.PrevInList = t.NextInList = null;
        Count--;
    }
}
