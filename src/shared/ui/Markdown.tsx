/**
 * Light Markdown in the user's notes, rendered safely: `marked` only tokenizes, and the
 * tokens become preact elements and text nodes here; no HTML string is ever parsed or
 * inserted. Raw HTML in a note shows as the text it is; links open only http(s) and mailto.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { ComponentChildren } from 'preact';

const SAFE_LINK = /^(https?:|mailto:)/i;

function inline(tokens: readonly Token[] | undefined): ComponentChildren {
  return (tokens ?? []).map((token, index) => inlineToken(token, index));
}

function inlineToken(token: Token, key: number): ComponentChildren {
  switch (token.type) {
    case 'strong':
      return <strong key={key}>{inline((token as Tokens.Strong).tokens)}</strong>;
    case 'em':
      return <em key={key}>{inline((token as Tokens.Em).tokens)}</em>;
    case 'del':
      return <del key={key}>{inline((token as Tokens.Del).tokens)}</del>;
    case 'codespan':
      return <code key={key}>{(token as Tokens.Codespan).text}</code>;
    case 'br':
      return <br key={key} />;
    case 'link': {
      const link = token as Tokens.Link;
      if (!SAFE_LINK.test(link.href)) return <span key={key}>{inline(link.tokens)}</span>;
      return (
        <a key={key} href={link.href} target="_blank" rel="noopener noreferrer">
          {inline(link.tokens)}
        </a>
      );
    }
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? <span key={key}>{inline(text.tokens)}</span> : text.text;
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    default:
      // html, image and anything else: shown as the characters the user typed.
      return token.raw;
  }
}

function block(token: Token, key: number): ComponentChildren {
  switch (token.type) {
    case 'paragraph':
      return <p key={key}>{inline((token as Tokens.Paragraph).tokens)}</p>;
    case 'heading': {
      // Note headings sit under the sidebar's own headings: shown as strong paragraphs.
      return (
        <p key={key} class="md-heading">
          <strong>{inline((token as Tokens.Heading).tokens)}</strong>
        </p>
      );
    }
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item, index) => <li key={index}>{item.tokens.map((child, i) => (child.type === 'text' ? inline((child as Tokens.Text).tokens ?? [child]) : block(child, i)))}</li>);
      return list.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case 'blockquote':
      return <blockquote key={key}>{(token as Tokens.Blockquote).tokens.map(block)}</blockquote>;
    case 'code':
      return (
        <pre key={key}>
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case 'hr':
      return <hr key={key} />;
    case 'space':
      return null;
    case 'text': {
      const text = token as Tokens.Text;
      return <p key={key}>{text.tokens ? inline(text.tokens) : text.text}</p>;
    }
    default:
      return <p key={key}>{token.raw}</p>;
  }
}

interface Props {
  /** The user's note text. */
  source: string;
}

export function Markdown({ source }: Props) {
  const tokens = new Lexer({ gfm: true, breaks: true }).lex(source);
  return <div class="markdown">{tokens.map(block)}</div>;
}
