package dev.syssim.sim.prog.tools.editors.awk;

import dev.syssim.sim.prog.tools.editors.awk.Token.Source;
import java.util.List;

/**
 * The syntax tree of an awk program: rules (pattern and action), functions, statements and
 * expressions, each with the source line it came from (runtime messages name it).
 */
final class Ast {

    private Ast() {
    }

    /** A place in the program text. */
    record At(Source source, int line) {
    }

    // ---- expressions ----

    sealed interface Expr permits LValue, Num, Str, Regexp, Group, Assign, Cond, And, Or, In, Match,
            Binary, Concat, Unary, IncDec, Call, Builtin, Getline, IndirectCall, TypedRegex {
        At at();
    }

    /** Something a value can be stored in: a variable, a field, an array element. */
    sealed interface LValue extends Expr permits ArrayRef, Field {
    }

    /** What names an array: a variable, or an element that is a subarray (gawk's arrays of arrays). */
    sealed interface ArrayRef extends LValue permits Name, Index {
    }

    record Num(At at, double value) implements Expr {
    }

    record Str(At at, String value) implements Expr {
    }

    /** A regular expression literal: as a value it matches $0; as a regex argument it is the regex. */
    record Regexp(At at, String source) implements Expr {
    }

    /** A variable (or, by context, an array) named by the program. */
    record Name(At at, String name) implements ArrayRef {
    }

    record Field(At at, Expr index) implements LValue {
    }

    /** {@code array[subscripts]}; {@code a[i][j]} is the element j of the subarray a[i]. */
    record Index(At at, ArrayRef array, List<Expr> subscripts) implements ArrayRef {

        /** The variable the chain of subscripts starts from. */
        Name root() {
            ArrayRef a = array;
            while (a instanceof Index ix) a = ix.array();
            return (Name) a;
        }
    }

    /** A parenthesized expression (kept: {@code print (a)(b)} and {@code (x) > y} read differently). */
    record Group(At at, Expr inner) implements Expr {
    }

    /** {@code target = value} or, with {@code op}, {@code target op= value}. */
    record Assign(At at, LValue target, String op, Expr value) implements Expr {
    }

    record Cond(At at, Expr test, Expr then, Expr otherwise) implements Expr {
    }

    record And(At at, Expr left, Expr right) implements Expr {
    }

    record Or(At at, Expr left, Expr right) implements Expr {
    }

    /** {@code (subscripts) in array}. */
    record In(At at, List<Expr> subscripts, ArrayRef array) implements Expr {
    }

    /** {@code subject ~ regex} or {@code subject !~ regex}. */
    record Match(At at, Expr subject, Expr regex, boolean negated) implements Expr {
    }

    /** Arithmetic and comparison: {@code + - * / % ^ < <= > >= == !=}. */
    record Binary(At at, String op, Expr left, Expr right) implements Expr {
    }

    record Concat(At at, Expr left, Expr right) implements Expr {
    }

    /** {@code !}, unary {@code -} and {@code +}. */
    record Unary(At at, String op, Expr operand) implements Expr {
    }

    record IncDec(At at, LValue target, boolean prefix, boolean increment) implements Expr {
    }

    /** A call of a user-defined function. */
    record Call(At at, String name, List<Expr> args) implements Expr {
    }

    /** A call of a built-in function ({@code length} without parentheses has no arguments). */
    record Builtin(At at, String name, List<Expr> args) implements Expr {
    }

    /** gawk's {@code @f(args)}: calls the function (user-defined or built-in) that f's value names. */
    record IndirectCall(At at, Name function, List<Expr> args) implements Expr {
    }

    /** gawk's typed regexp constant {@code @/re/}: a value of type "regexp", not a match against $0. */
    record TypedRegex(At at, String source) implements Expr {
    }

    /** The three getline forms: plain, {@code < file}, {@code cmd |}. */
    enum GetlineKind { MAIN, FILE, COMMAND, COPROCESS }

    record Getline(At at, GetlineKind kind, LValue target, Expr source) implements Expr {
    }

    // ---- statements ----

    sealed interface Stmt permits Simple, Print, If, While, Do, For, ForIn, Block, Next, NextFile, Exit, Return,
            Break, Continue, Delete, Switch {
        At at();
    }

    record Simple(At at, Expr expr) implements Stmt {
    }

    /** Where print output goes: {@code > file}, {@code >> file}, {@code | command}. */
    enum Redirect { NONE, FILE, APPEND, PIPE, COPROCESS }

    record Print(At at, boolean printf, List<Expr> args, Redirect redirect, Expr target) implements Stmt {
    }

    record If(At at, Expr test, Stmt then, Stmt otherwise) implements Stmt {
    }

    record While(At at, Expr test, Stmt body) implements Stmt {
    }

    record Do(At at, Stmt body, Expr test) implements Stmt {
    }

    record For(At at, Stmt init, Expr test, Stmt update, Stmt body) implements Stmt {
    }

    record ForIn(At at, Name var, ArrayRef array, Stmt body) implements Stmt {
    }

    record Block(At at, List<Stmt> body) implements Stmt {
    }

    record Next(At at) implements Stmt {
    }

    record NextFile(At at) implements Stmt {
    }

    record Exit(At at, Expr status) implements Stmt {
    }

    record Return(At at, Expr value) implements Stmt {
    }

    record Break(At at) implements Stmt {
    }

    record Continue(At at) implements Stmt {
    }

    /** {@code delete a[i]}, or {@code delete a} (subscripts null). */
    record Delete(At at, ArrayRef array, List<Expr> subscripts) implements Stmt {
    }

    /** One {@code case} (value null: {@code default}) and the statements up to the next. */
    record Case(At at, Expr value, List<Stmt> body) {
    }

    record Switch(At at, Expr subject, List<Case> cases) implements Stmt {
    }

    // ---- the program ----

    enum RuleKind { BEGIN, END, BEGINFILE, ENDFILE, MAIN }

    /** A rule: a pattern (or a range of two) and an action (null: print the record). */
    record Rule(At at, RuleKind kind, Expr pattern, Expr rangeEnd, Block action) {
    }

    record Function(At at, String name, List<String> params, Block body) {
    }

    record Program(List<Rule> rules, List<Function> functions) {
    }
}
