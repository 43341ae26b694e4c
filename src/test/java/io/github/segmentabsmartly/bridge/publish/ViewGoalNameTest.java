package io.github.segmentabsmartly.bridge.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ViewGoalNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Page: {name}            | Home                  | Page: Home
            Screen: {name}          | Settings              | Screen: Settings
            Page: {name}            | Café & Crème          | Page: Café & Crème
            {slug}_pageview         | Home Page             | home_page_pageview
            {slug}_pageview         | Home                  | home_pageview
            {slug}                  | Pricing & Plans!      | pricing_plans_
            {slug}                  | already_snake_42      | already_snake_42
            {slug}                  | a - b                 | a_b
            {slug}                  | a_ b                  | a__b
            {slug}                  | /docs/getting-started | _docs_getting_started
            {slug}                  | Café Crème            | caf_cr_me
            {slug}                  | Über uns              | _ber_uns
            {slug}                  | 日本語ページ            | _
            {name} ({slug})         | Home Page             | Home Page (home_page)
            pageview                | Home                  | pageview
            """)
    void templateFillsNameAndSlug(String template, String name, String goal) {
        assertEquals(goal, new PageGoalName(template).goalName(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Page: {name}            | {slug} test           | Page: {slug} test
            {name} ({slug})         | {slug}                | {slug} (_slug_)
            """)
    void nameIsInsertedLiterally(String template, String name, String goal) {
        assertEquals(goal, new PageGoalName(template).goalName(name));
    }
}
